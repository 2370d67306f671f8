import { Args, Context, Field, ID, ObjectType, Resolver, Subscription } from '@nestjs/graphql';
import { Roles } from '../../auth/decorators.js';
import { CommentStatus } from '../../generated/prisma/enums.js';
import { MODERATION_TOPIC } from '../../realtime/event-bus.js';
import { ModerationCountsModel, ModerationQueueEnum, toCountsModel } from '../queues/queue.models.js';
import type { ModerationQueue } from '../queues/queue-membership.js';
import type { ModerationEvent } from './moderation-event.js';
import type { SubscriptionContext } from '../../realtime/subscription-context.js';
import { AUDIT_ACTIONS, type ModerationEventAction } from '../audit/audit-action.js';

@ObjectType('ModerationEvent', { description: 'A comment entered or left moderation queues.' })
export class ModerationEventModel {
  @Field(() => ID) commentId: string;
  @Field(() => ID) articleId: string;
  @Field(() => CommentStatus) status: CommentStatus;
  @Field(() => CommentStatus, { nullable: true }) previousStatus: CommentStatus | null;
  @Field(() => [ModerationQueueEnum]) entered: ModerationQueue[];
  @Field(() => [ModerationQueueEnum]) left: ModerationQueue[];
  @Field(() => String, {
    description: `FLAG (a reader flagged it), or the audit action: one of ${AUDIT_ACTIONS.join(', ')}.`,
  })
  action: ModerationEventAction;
  @Field(() => ID, {
    nullable: true,
    description: 'Who acted: a moderator, or the reader who flagged; null for the system.',
  })
  actorId: string | null;
  @Field(() => ModerationCountsModel, { description: 'Site-wide queue sizes after the change.' })
  counts: ModerationCountsModel;
  @Field() at: Date;
}

@Resolver()
export class ModerationEventsResolver {
  @Roles('MODERATOR', 'ADMIN')
  @Subscription(() => ModerationEventModel, {
    description: 'Live queue changes for moderators, from every API and worker process.',
    resolve: (payload: ModerationEvent): ModerationEventModel => ({
      ...payload,
      counts: toCountsModel(payload.counts),
      at: new Date(payload.at),
    }),
  })
  // No `filter` option: with one, @nestjs/graphql wraps whatever the method returns, and a
  // guard's refusal would reach the client as a broken stream instead of a FORBIDDEN error.
  async moderationEvents(
    @Args('articleId', { type: () => ID, nullable: true }) articleId: string | null,
    @Context() context: SubscriptionContext,
  ): Promise<AsyncIterable<unknown>> {
    const events = await context.pubsub.subscribe(MODERATION_TOPIC);
    return articleId ? onArticle(events, articleId) : events;
  }
}

/** Only one article's events; leaving the loop (client gone) closes the source subscription. */
async function* onArticle(events: AsyncIterable<unknown>, articleId: string): AsyncIterable<unknown> {
  for await (const event of events) {
    if ((event as ModerationEvent).articleId === articleId) yield event;
  }
}
