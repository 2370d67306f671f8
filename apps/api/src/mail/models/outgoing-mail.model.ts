import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoModel } from '../../comments/models/connection.model.js';
import { MailStatus } from '../../generated/prisma/enums.js';
import { pageNodes } from '../../infra/graphql/query-cost.js';

registerEnumType(MailStatus, { name: 'MailStatus' });

/** A stored outgoing message, for admins (Admin → Outgoing mail). */
@ObjectType('OutgoingMail')
export class OutgoingMailModel {
  @Field(() => ID) id: string;
  @Field(() => String, { description: 'The recipient address.' }) to: string;
  @Field(() => String) subject: string;
  @Field(() => String, { description: 'The template it was rendered from (verify-email, reset-password, …).' })
  template: string;
  @Field(() => MailStatus) status: MailStatus;
  @Field(() => Int, { description: 'Attempts to hand it to the mail server so far.' }) attempts: number;
  @Field(() => String, { nullable: true, description: "The mail server's last error." }) lastError: string | null;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) sentAt: Date | null;
  @Field(() => Date, { nullable: true }) failedAt: Date | null;
  @Field(() => String, {
    description: 'The plain-text part. Outside demo mode the secrets of its links read `token=(hidden)`.',
  })
  text: string;
  @Field(() => String, {
    description: 'The HTML part. Show it only in a sandboxed frame (no scripts, no same origin).',
  })
  html: string;
}

@ObjectType('OutgoingMailConnection')
export class OutgoingMailConnectionModel {
  @Field(() => [OutgoingMailModel], { description: 'Newest first.', complexity: pageNodes })
  nodes: OutgoingMailModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}
