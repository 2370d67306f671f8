import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsUUID, Max, Min } from 'class-validator';
import { CommentSort, ThreadScope, ThreadSort } from '../models/discussion-enums.js';
import { AfterArgs } from '../../infra/pagination/after.args.js';

/** Largest page of threads; each thread brings all its visible comments. */
export const MAX_THREAD_PAGE = 200;
export const MAX_REPLY_PAGE = 100;

@ArgsType()
export class ThreadPageArgs extends AfterArgs {
  @Field(() => ThreadSort, { defaultValue: ThreadSort.POSITION })
  @IsEnum(ThreadSort)
  sort: ThreadSort = ThreadSort.POSITION;

  @Field(() => ThreadScope, { defaultValue: ThreadScope.ALL })
  @IsEnum(ThreadScope)
  scope: ThreadScope = ThreadScope.ALL;

  @Field(() => Int, { defaultValue: 50 })
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_THREAD_PAGE, { message: `first must be at most ${MAX_THREAD_PAGE}` })
  first: number = 50;
}

@ArgsType()
export class ReplyPageArgs extends AfterArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'parentId must be an id' })
  parentId: string;

  @Field(() => CommentSort, { defaultValue: CommentSort.OLDEST })
  @IsEnum(CommentSort)
  sort: CommentSort = CommentSort.OLDEST;

  @Field(() => Int, { defaultValue: 20 })
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_REPLY_PAGE, { message: `first must be at most ${MAX_REPLY_PAGE}` })
  first: number = 20;
}

@ArgsType()
export class CommentArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id' })
  id: string;
}

export const MAX_SUMMARY_PAGE = 200;

@ArgsType()
export class ThreadSummaryArgs extends AfterArgs {
  @Field(() => Int, { description: 'Start of the stretch of text (code points).' })
  @IsInt()
  @Min(0, { message: 'from must be at least 0' })
  from: number;

  @Field(() => Int, { description: 'End of the stretch of text (code points, exclusive); above from.' })
  @IsInt()
  @Min(1, { message: 'to must be above from' })
  to: number;

  @Field(() => Int, { defaultValue: 50 })
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_SUMMARY_PAGE, { message: `first must be at most ${MAX_SUMMARY_PAGE}` })
  first: number = 50;
}

@ArgsType()
export class ThreadArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id' })
  id: string;
}

@ArgsType()
export class ThreadsUpToArgs {
  @Field(() => Int, { description: 'Most threads worth reading whole.' })
  @IsInt()
  @Min(0, { message: 'limit must be at least 0' })
  limit: number;
}
