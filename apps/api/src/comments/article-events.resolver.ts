import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { isUUID } from 'class-validator';
import { assertReadable, loadGate } from '../articles/article-access.js';
import { Public } from '../auth/decorators.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import type { Viewer } from '../auth/viewer.js';
import { articleTopic, type DiscussionEvent } from '../realtime/event-bus.js';
import { DiscussionEventModel } from './models/discussion-event.model.js';
import type { SubscriptionContext } from '../realtime/subscription-context.js';

/** Events about comments others may not see (PENDING, HELD, REJECTED) go to their author only. */
export function mayReceive(event: DiscussionEvent, viewer: Viewer | null | undefined): boolean {
  if (event.status === null || event.status === 'PUBLISHED' || event.status === 'DELETED') return true;
  return !!viewer && viewer.id === event.authorId;
}

@Resolver()
export class ArticleEventsResolver {
  constructor(private readonly prisma: PrismaService) {}

  @Public()
  @Subscription(() => DiscussionEventModel, {
    description: 'Live changes to an article’s discussion, as far as the subscriber may see them.',
    filter: (payload: DiscussionEvent, _variables: unknown, context: SubscriptionContext) =>
      mayReceive(payload, context.req?.user),
    resolve: (payload: DiscussionEvent) => payload,
  })
  async articleEvents(
    @Args('articleId', { type: () => ID }) articleId: string,
    @Context() context: SubscriptionContext,
  ): Promise<AsyncIterable<unknown>> {
    // An unpublished article's events are for staff: to a reader it does not exist.
    const gate = isUUID(articleId) ? await loadGate(this.prisma, articleId) : null;
    if (gate) assertReadable(gate, context.req?.user, 'Article', 'articleId');
    return context.pubsub.subscribe(articleTopic(articleId));
  }
}
