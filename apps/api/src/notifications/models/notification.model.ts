import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NotificationKind } from '../../generated/prisma/enums.js';
import { pageNodes } from '../../infra/graphql/query-cost.js';

registerEnumType(NotificationKind, { name: 'NotificationKind' });

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID) id: string;
  @Field(() => NotificationKind) kind: NotificationKind;
  @Field() message: string;
  @Field(() => ID, { nullable: true, description: 'The reply, or your comment that was moderated.' })
  commentId: string | null;
  @Field(() => String, { nullable: true, description: 'Slug of the article the comment is on, to link to it.' })
  articleSlug: string | null;
  @Field() read: boolean;
  @Field() createdAt: Date;
}

@ObjectType('NotificationList')
export class NotificationListModel {
  @Field(() => [NotificationModel], { description: 'Newest first.', complexity: pageNodes }) items: NotificationModel[];
  @Field(() => Int) unreadCount: number;
}
