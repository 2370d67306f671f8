import { Args, Context, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentUser } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { unauthenticated } from '../infra/errors/domain-error.js';
import { notificationTopic } from '../realtime/event-bus.js';
import type { SubscriptionContext } from '../realtime/subscription-context.js';
import { NotificationListModel, NotificationModel } from './models/notification.model.js';
import { MarkNotificationsReadArgs, NotificationsArgs } from './notification.args.js';
import type { WrittenNotification } from './notification.writer.js';
import { NotificationService } from './notification.service.js';

@Resolver()
export class NotificationResolver {
  constructor(private readonly service: NotificationService) {}

  @Query(() => NotificationListModel, {
    description: 'Replies to and mentions of you, and moderation outcomes of your comments.',
  })
  notifications(@Args() { first }: NotificationsArgs, @CurrentUser() viewer: Viewer): Promise<NotificationListModel> {
    return this.service.list(viewer.id, first);
  }

  @Mutation(() => Int, { description: 'Marks notifications read; returns how many were unread.' })
  markNotificationsRead(@Args() { ids }: MarkNotificationsReadArgs, @CurrentUser() viewer: Viewer): Promise<number> {
    return this.service.markRead(viewer.id, ids);
  }

  // The topic is the viewer's own, so no filter is needed; the socket's viewer is re-checked
  // while it is open (live-socket.ts) and a banned or signed-out viewer's socket is closed.
  @Subscription(() => NotificationModel, {
    description: 'Your new notifications, as they are written (from every API and worker process).',
    resolve: (payload: WrittenNotification): NotificationModel => ({
      id: payload.id,
      kind: payload.kind,
      message: payload.message,
      commentId: payload.commentId,
      articleSlug: payload.articleSlug,
      read: false,
      createdAt: new Date(payload.createdAt),
    }),
  })
  notificationAdded(@Context() context: SubscriptionContext): Promise<AsyncIterable<unknown>> {
    const viewer = context.req?.user;
    if (!viewer) throw unauthenticated();
    return context.pubsub.subscribe(notificationTopic(viewer.id));
  }
}
