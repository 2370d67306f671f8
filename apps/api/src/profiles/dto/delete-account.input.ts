import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsString, MaxLength } from 'class-validator';

/** What becomes of the comments of a deleted account. */
export enum DeletedCommentsChoice {
  /** They stay published, signed "a deleted user". */
  KEEP_AS_DELETED_USER = 'KEEP_AS_DELETED_USER',
  /** Their text is erased; where others replied a "deleted" placeholder keeps the thread whole. */
  REMOVE = 'REMOVE',
}
registerEnumType(DeletedCommentsChoice, { name: 'DeletedCommentsChoice' });

@InputType()
export class DeleteAccountInput {
  @Field(() => String, { description: "The account's current password." })
  @IsString()
  @MaxLength(200)
  password: string;

  @Field(() => DeletedCommentsChoice)
  @IsEnum(DeletedCommentsChoice, { message: 'comments must be KEEP_AS_DELETED_USER or REMOVE' })
  comments: DeletedCommentsChoice;
}
