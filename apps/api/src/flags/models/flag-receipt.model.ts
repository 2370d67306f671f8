import { Field, ID, ObjectType } from '@nestjs/graphql';
import { FlagReason } from './flag-reason.enum.js';

/** What a reader gets back for flagging: their own flag, without anything about other flaggers. */
@ObjectType('FlagReceipt')
export class FlagReceiptModel {
  @Field(() => ID) id: string;
  @Field(() => ID) commentId: string;
  @Field(() => FlagReason) reason: FlagReason;
  @Field() createdAt: Date;
}
