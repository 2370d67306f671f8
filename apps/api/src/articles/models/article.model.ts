import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { BlockKind as BlockKindName } from '@marginalia/content';
import type { DiscussionStatus } from '../article-access.js';
import type { ArticleState } from '../../generated/prisma/enums.js';
import { listOf, BLOCKS_PER_REVISION } from '../../infra/graphql/query-cost.js';

export const BlockKind = {
  heading: 'heading',
  paragraph: 'paragraph',
  quote: 'quote',
  list_item: 'list_item',
  turn: 'turn',
  code: 'code',
} as const satisfies Record<BlockKindName, BlockKindName>;
registerEnumType(BlockKind, { name: 'BlockKind' });

@ObjectType('Block', { description: 'One block of a revision; start/end are code-point offsets into its text.' })
export class BlockModel {
  @Field(() => BlockKind) kind: BlockKindName;
  @Field() text: string;
  @Field(() => Int, { nullable: true }) level?: number;
  @Field(() => String, { nullable: true }) speaker?: string;
  @Field(() => Boolean, { nullable: true }) ordered?: boolean;
  @Field(() => String, { nullable: true }) href?: string;
  @Field(() => Int) start: number;
  @Field(() => Int) end: number;
}

@ObjectType('ArticleRevision')
export class ArticleRevisionModel {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field(() => [BlockModel], { complexity: listOf(BLOCKS_PER_REVISION) }) blocks: BlockModel[];
  @Field({ description: 'Canonical text: the blocks joined by two newlines.' }) text: string;
  @Field() contentHash: string;
  @Field() createdAt: Date;
}

export const ArticleStateEnum = { PUBLISHED: 'PUBLISHED', UNPUBLISHED: 'UNPUBLISHED', ARCHIVED: 'ARCHIVED' } as const;
registerEnumType(ArticleStateEnum, {
  name: 'ArticleState',
  description:
    'UNPUBLISHED: staff only (readers are told it does not exist). ARCHIVED: readable, discussion read-only.',
});

export const DiscussionStatusEnum = {
  OPEN: 'OPEN',
  CLOSED: 'CLOSED',
  ARCHIVED: 'ARCHIVED',
  UNPUBLISHED: 'UNPUBLISHED',
} as const satisfies Record<DiscussionStatus, DiscussionStatus>;
registerEnumType(DiscussionStatusEnum, {
  name: 'DiscussionStatus',
  description: 'Whether the discussion takes new threads, replies, edits and reactions, and if not why.',
});

@ObjectType('Article')
export class ArticleModel {
  @Field(() => ID) id: string;
  @Field() slug: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) author: string | null;
  @Field(() => String, { nullable: true }) siteName: string | null;
  @Field(() => String, { nullable: true }) sourceUrl: string | null;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field() createdAt: Date;
  @Field(() => Int) threadCount: number;
  @Field(() => Int) commentCount: number;
  @Field(() => ArticleStateEnum) state: ArticleState;
  @Field(() => DiscussionStatusEnum, { description: 'What the reader is told: open, closed, archived.' })
  discussionStatus: DiscussionStatus;
  @Field(() => Boolean, { nullable: true, description: 'The article’s own switch; null follows its site’s default.' })
  commentsOpen: boolean | null;
  @Field(() => Date, { nullable: true, description: 'When the discussion closes by itself.' })
  commentsClosesAt: Date | null;
  @Field({ description: 'Every new comment is held for a moderator before it appears.' }) premod: boolean;
  currentRevisionId: string | null;
}
