import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AnchorStatus, CommentStatus } from '../../generated/prisma/enums.js';
import { UserModel } from '../../users/models/user.model.js';
import { ReactionKind, Stance } from './discussion-enums.js';
import { listOf, COMMENTS_PER_THREAD } from '../../infra/graphql/query-cost.js';

registerEnumType(CommentStatus, { name: 'CommentStatus' });
registerEnumType(AnchorStatus, { name: 'AnchorStatus' });

@ObjectType('ReactionCount')
export class ReactionCountModel {
  @Field() kind: string;
  @Field(() => Int) count: number;
}

@ObjectType('Comment')
export class CommentModel {
  @Field(() => ID) id: string;
  @Field(() => ID) threadId: string;
  @Field(() => ID, { nullable: true }) parentId: string | null;
  @Field({ description: 'Display name of the author, or the original name of an imported comment.' })
  authorName: string;
  @Field(() => UserModel, { nullable: true }) author: UserModel | null;
  @Field(() => Int, { nullable: true, description: 'Number in the source of an imported comment.' }) legacyNumber:
    number | null;
  @Field() postedAt: Date;
  @Field({ description: 'Sanitized HTML rendered from the Markdown body.' }) bodyHtml: string;
  @Field(() => String, { nullable: true, description: 'Markdown source; only for its author.' }) bodySource:
    string | null;
  @Field(() => CommentStatus) status: CommentStatus;
  @Field(() => Stance, {
    nullable: true,
    description: 'What its author says it does toward the passage (or the parent, in a reply).',
  })
  stance: Stance | null;
  @Field(() => String, { nullable: true, description: 'Why the comment has its status; for its author and staff.' })
  statusReason: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'For its author, while held or rejected: why, in plain words.',
  })
  statusExplanation: string | null;
  @Field({ description: 'The viewer muted its author: shown collapsed, without its body.' }) muted: boolean;
  @Field(() => Date, { nullable: true }) editedAt: Date | null;
  @Field() isOwn: boolean;
  @Field(() => Int) replyCount: number;
  @Field(() => Int, { description: 'Reactions of every kind.' }) reactionCount: number;
  @Field(() => [ReactionCountModel], { complexity: listOf(Object.keys(ReactionKind).length) })
  reactions: ReactionCountModel[];
  @Field(() => [String]) viewerReactions: string[];
}

@ObjectType('Anchor')
export class AnchorModel {
  @Field(() => ID) revisionId: string;
  @Field(() => Int) start: number;
  @Field(() => Int) end: number;
  @Field() exact: string;
  @Field() prefix: string;
  @Field() suffix: string;
  @Field(() => AnchorStatus) status: AnchorStatus;
  @Field(() => Number, { nullable: true }) score: number | null;
}

@ObjectType('Thread')
export class ThreadModel {
  @Field(() => ID) id: string;
  @Field(() => ID) articleId: string;
  @Field(() => AnchorModel, { nullable: true, description: 'Null for a page-level thread.' })
  anchor: AnchorModel | null;
  @Field(() => String, { nullable: true, description: 'The passage as first quoted, kept when orphaned.' })
  originalQuote: string | null;
  @Field(() => AnchorStatus, { nullable: true }) anchorStatus: AnchorStatus | null;
  @Field(() => Int) commentCount: number;
  @Field() createdAt: Date;
  @Field(() => [CommentModel], {
    description: 'Visible comments, oldest first; nest them by parentId.',
    complexity: listOf(COMMENTS_PER_THREAD),
  })
  comments: CommentModel[];
}
