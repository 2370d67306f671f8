import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { badInput } from '../../infra/errors/domain-error.js';

export const MAX_LOG_PAGE = 200;

/** Exactly one of commentId, userId, articleId. */
@ArgsType()
export class ModerationLogArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'commentId must be an id' })
  commentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Decisions about this user and their comments.' })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be an id' })
  userId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'articleId must be an id' })
  articleId?: string | null;

  @Field(() => Int, { defaultValue: 50 })
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_LOG_PAGE, { message: `first must be at most ${MAX_LOG_PAGE}` })
  first: number = 50;
}

export function assertOneSubject(args: ModerationLogArgs): void {
  const given = [args.commentId, args.userId, args.articleId].filter(Boolean).length;
  if (given !== 1) throw badInput('commentId', 'Give exactly one of commentId, userId or articleId');
}
