import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CommentStatus } from '../../generated/prisma/enums.js';
import type { DiscussionEvent } from '../../realtime/event-bus.js';

export const DiscussionEventType = {
  COMMENT_ADDED: 'COMMENT_ADDED',
  COMMENT_STATUS_CHANGED: 'COMMENT_STATUS_CHANGED',
  COMMENT_EDITED: 'COMMENT_EDITED',
  COMMENT_DELETED: 'COMMENT_DELETED',
  REACTIONS_CHANGED: 'REACTIONS_CHANGED',
  THREAD_REANCHORED: 'THREAD_REANCHORED',
  DISCUSSION_CHANGED: 'DISCUSSION_CHANGED',
} as const satisfies Record<DiscussionEvent['type'], DiscussionEvent['type']>;
registerEnumType(DiscussionEventType, { name: 'DiscussionEventType' });

@ObjectType('DiscussionEvent', { description: 'Something changed; fetch the comment or thread to see it.' })
export class DiscussionEventModel {
  @Field(() => DiscussionEventType) type: DiscussionEvent['type'];
  @Field(() => ID) articleId: string;
  @Field(() => ID, { nullable: true, description: 'Null for events about the whole article (DISCUSSION_CHANGED).' })
  threadId: string | null;
  @Field(() => ID, { nullable: true }) commentId: string | null;
  @Field(() => CommentStatus, {
    nullable: true,
    description:
      'The comment’s status, which decides who receives the event; a deleted comment that only its author ' +
      'could see keeps the status it had, so only they hear of it. Null for thread events.',
  })
  status: CommentStatus | null;
}
