import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { NotificationListModel } from './models/notification.model.js';
import { MarkNotificationsReadArgs, NotificationsArgs } from './notification.args.js';
import { NotificationService } from './notification.service.js';

@Resolver()
export class NotificationResolver {
  constructor(private readonly service: NotificationService) {}

  @Query(() => NotificationListModel, { description: 'Replies to your comments and moderation outcomes.' })
  notifications(@Args() { first }: NotificationsArgs, @CurrentUser() viewer: Viewer): Promise<NotificationListModel> {
    return this.service.list(viewer.id, first);
  }

  @Mutation(() => Int, { description: 'Marks notifications read; returns how many were unread.' })
  markNotificationsRead(@Args() { ids }: MarkNotificationsReadArgs, @CurrentUser() viewer: Viewer): Promise<number> {
    return this.service.markRead(viewer.id, ids);
  }
}
