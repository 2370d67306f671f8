import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CommentStatus } from '../../generated/prisma/enums.js';
import { PageInfoModel } from './connection.model.js';
import { pageNodes } from '../../infra/graphql/query-cost.js';

@ObjectType('HighlightRange', {
  description: 'Discussed passages that overlap, merged: code-point offsets into the current text, with counts.',
})
export class HighlightRangeModel {
  @Field(() => Int) start: number;
  @Field(() => Int) end: number;
  @Field(() => Int, { description: 'Threads on passages within the range.' }) threadCount: number;
  @Field(() => Int, { description: 'Comments the viewer may read in those threads.' }) commentCount: number;
}

@ObjectType('ThreadSummary', { description: 'A passage thread in brief: where it is, how big, how it opens.' })
export class ThreadSummaryModel {
  @Field(() => ID) id: string;
  @Field(() => Int) start: number;
  @Field(() => Int) end: number;
  @Field({ description: 'The passage quoted.' }) exact: string;
  @Field(() => Int, { description: 'Comments the viewer may read.' }) commentCount: number;
  @Field() createdAt: Date;
  @Field(() => ID) firstCommentId: string;
  @Field(() => CommentStatus) firstStatus: CommentStatus;
  @Field({ description: 'The oldest visible comment as plain text, shortened; empty when deleted.' })
  excerpt: string;
  @Field(() => String, { nullable: true, description: 'Its author; null when deleted.' })
  authorName: string | null;
  @Field() postedAt: Date;
}

@ObjectType('ThreadSummaryConnection')
export class ThreadSummaryConnectionModel {
  @Field(() => [ThreadSummaryModel], { complexity: pageNodes }) nodes: ThreadSummaryModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}
