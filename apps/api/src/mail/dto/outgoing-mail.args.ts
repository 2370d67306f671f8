import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { MailStatus } from '../../generated/prisma/enums.js';
import { AfterArgs } from '../../infra/pagination/after.args.js';

/** Largest page of outgoing mail. */
export const MAX_MAIL_PAGE = 100;

@ArgsType()
export class OutgoingMailArgs extends AfterArgs {
  @Field(() => Int, { defaultValue: 20 })
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_MAIL_PAGE, { message: `first must be at most ${MAX_MAIL_PAGE}` })
  first: number = 20;

  @Field(() => MailStatus, { nullable: true, description: 'Only messages in this state.' })
  @IsOptional()
  @IsEnum(MailStatus, { message: 'status must be a mail status' })
  status?: MailStatus | null;
}

@ArgsType()
export class RetryMailArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a message id' })
  id: string;
}
