import { Args, Context, Field, ID, ObjectType, Resolver, Subscription } from '@nestjs/graphql';
import { Roles } from '../../auth/decorators.js';
import { CommentStatus } from '../../generated/prisma/enums.js';
import { MODERATION_TOPIC } from '../../realtime/event-bus.js';
import { ModerationCountsModel, ModerationQueueEnum, toCountsModel } from '../queues/queue.models.js';
import type { ModerationQueue } from '../queues/queue-membership.js';
import type { ModerationEvent } from './moderation-event.js';

@ObjectType('ModerationEvent', { description: 'A comment entered or left moderation queues.' })
export class ModerationEventModel {
  @Field(() => ID) commentId: string;
  @Field(() => ID) articleId: string;
  @Field(() => CommentStatus) status: CommentStatus;
  @Field(() => CommentStatus, { nullable: true }) previousStatus: CommentStatus | null;
  @Field(() => [ModerationQueueEnum]) entered: ModerationQueue[];
  @Field(() => [ModerationQueueEnum]) left: ModerationQueue[];
  @Field({ description: 'PIPELINE, APPROVE, REJECT, HOLD, FLAG, FLAGS_THRESHOLD, FLAGS_RESOLVED or BAN.' })
  action: string;
  @Field(() => ID, {
    nullable: true,
    description: 'Who acted: a moderator, or the reader who flagged; null for the system.',
  })
  actorId: string | null;
  @Field(() => ModerationCountsModel, { description: 'Site-wide queue sizes after the change.' })
  counts: ModerationCountsModel;
  @Field() at: Date;
}

interface SubscriptionContext {
  pubsub: { subscribe(topic: string): Promise<AsyncIterable<unknown>> };
}

@Resolver()
export class ModerationEventsResolver {
  @Roles('MODERATOR', 'ADMIN')
  @Subscription(() => ModerationEventModel, {
    description: 'Live queue changes for moderators, from every API and worker process.',
    filter: (payload: ModerationEvent, variables: { articleId?: string | null }) =>
      !variables.articleId || variables.articleId === payload.articleId,
    resolve: (payload: ModerationEvent): ModerationEventModel => ({
      ...payload,
      counts: toCountsModel(payload.counts),
      at: new Date(payload.at),
    }),
  })
  moderationEvents(
    @Args('articleId', { type: () => ID, nullable: true }) _articleId: string | null,
    @Context() context: SubscriptionContext,
  ): Promise<AsyncIterable<unknown>> {
    return context.pubsub.subscribe(MODERATION_TOPIC);
  }
}
