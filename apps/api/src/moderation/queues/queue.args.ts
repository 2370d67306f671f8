import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { ModerationQueue } from './queue-membership.js';
import { ModerationQueueEnum, QueueOrder } from './queue.models.js';
import { AfterArgs } from '../../infra/pagination/after.args.js';

/** Largest page of a moderation queue. */
export const MAX_QUEUE_PAGE = 100;

@ArgsType()
export class ModerationQueueArgs extends AfterArgs {
  @Field(() => ModerationQueueEnum)
  @IsEnum(ModerationQueueEnum)
  queue: ModerationQueue;

  @Field(() => ID, { nullable: true, description: 'Only comments on this article.' })
  @IsOptional()
  @IsUUID('all', { message: 'articleId must be an id' })
  articleId?: string | null;

  @Field(() => Int, { defaultValue: 20 })
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_QUEUE_PAGE, { message: `first must be at most ${MAX_QUEUE_PAGE}` })
  first: number = 20;

  @Field(() => QueueOrder, { defaultValue: QueueOrder.NEWEST })
  @IsEnum(QueueOrder)
  order: QueueOrder = QueueOrder.NEWEST;
}

@ArgsType()
export class ModerationCountsArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'articleId must be an id' })
  articleId?: string | null;
}
