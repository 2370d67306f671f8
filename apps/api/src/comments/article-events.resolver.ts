import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { Public } from '../auth/decorators.js';
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
  @Public()
  @Subscription(() => DiscussionEventModel, {
    description: 'Live changes to an article’s discussion, as far as the subscriber may see them.',
    filter: (payload: DiscussionEvent, _variables: unknown, context: SubscriptionContext) =>
      mayReceive(payload, context.req?.user),
    resolve: (payload: DiscussionEvent) => payload,
  })
  articleEvents(
    @Args('articleId', { type: () => ID }) articleId: string,
    @Context() context: SubscriptionContext,
  ): Promise<AsyncIterable<unknown>> {
    return context.pubsub.subscribe(articleTopic(articleId));
  }
}
