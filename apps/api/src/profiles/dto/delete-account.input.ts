import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';

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
  @Field(() => String, {
    nullable: true,
    description: "The account's current password (required when the account has one).",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  password?: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The account's handle, typed to confirm: required instead of a password by an account a site's sign-on made.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  confirmHandle?: string;

  @Field(() => DeletedCommentsChoice)
  @IsEnum(DeletedCommentsChoice, { message: 'comments must be KEEP_AS_DELETED_USER or REMOVE' })
  comments: DeletedCommentsChoice;
}
