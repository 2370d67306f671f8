import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ArticleModel } from '../articles/models/article.model.js';
import { CurrentUser, Public } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { ReadRouting } from '../infra/prisma/read-routing.js';
import { DiscussionQueryService } from './discussion-query.service.js';
import {
  CommentArgs,
  ReplyPageArgs,
  ThreadArgs,
  ThreadPageArgs,
  ThreadsUpToArgs,
  ThreadSummaryArgs,
} from './dto/page.args.js';
import { DiscussionOverviewService } from './discussion-overview.service.js';
import { HighlightRangeModel, ThreadSummaryConnectionModel } from './models/discussion-overview.model.js';
import { ThreadModel } from './models/comment.model.js';
import { CommentConnectionModel, CommentPermalinkModel, ThreadConnectionModel } from './models/connection.model.js';
import { ThreadReader } from './thread.reader.js';
import { listOf, ORPHANS_PER_ARTICLE, THREADS_PER_ARTICLE } from '../infra/graphql/query-cost.js';

/**
 * Discussions tolerate replica lag for readers who have not written lately; a viewer who just
 * posted, edited or reacted reads the primary and sees it (ReadRouting).
 */
@Resolver(() => ArticleModel)
export class ArticleThreadsResolver {
  constructor(
    private readonly reader: ThreadReader,
    private readonly queries: DiscussionQueryService,
    private readonly routing: ReadRouting,
    private readonly overview: DiscussionOverviewService,
  ) {}

  @Public()
  @ResolveField(() => [HighlightRangeModel], {
    description:
      'Every discussed passage of the current text, overlapping ones merged, with counts: enough to draw highlights and the discussion map.',
    complexity: listOf(THREADS_PER_ARTICLE),
  })
  highlightMap(@Parent() article: ArticleModel, @CurrentUser() viewer: Viewer | null): Promise<HighlightRangeModel[]> {
    return this.overview.highlightMap(article.id, viewer);
  }

  @Public()
  @ResolveField(() => ThreadSummaryConnectionModel, {
    description: 'Summaries of the threads on passages meeting [from, to), in text order, a page at a time.',
  })
  threadSummaries(
    @Parent() article: ArticleModel,
    @Args() args: ThreadSummaryArgs,
    @CurrentUser() viewer: Viewer | null,
  ): Promise<ThreadSummaryConnectionModel> {
    return this.overview.summaries(article.id, args, viewer);
  }

  @Public()
  @ResolveField(() => [ThreadModel], {
    description: 'Threads with visible comments, in text order; page-level last.',
    complexity: listOf(THREADS_PER_ARTICLE),
  })
  threads(@Parent() article: ArticleModel, @CurrentUser() viewer: Viewer | null): Promise<ThreadModel[]> {
    return this.routing.mayLag(viewer?.id ?? null, () => this.reader.forArticle(article.id, viewer));
  }

  @Public()
  @ResolveField(() => [ThreadModel], {
    nullable: true,
    description:
      'Every thread, as `threads`, when the article has at most `limit`; otherwise null: read highlightMap and threadSummaries instead.',
    complexity: listOf(THREADS_PER_ARTICLE),
  })
  threadsUpTo(
    @Parent() article: ArticleModel,
    @Args() args: ThreadsUpToArgs,
    @CurrentUser() viewer: Viewer | null,
  ): Promise<ThreadModel[] | null> {
    if (article.threadCount > args.limit) return Promise.resolve(null);
    return this.routing.mayLag(viewer?.id ?? null, () => this.reader.forArticle(article.id, viewer));
  }

  @Public()
  @ResolveField(() => ThreadConnectionModel, {
    description: 'Threads with visible comments, sorted, a page at a time.',
  })
  threadConnection(
    @Parent() article: ArticleModel,
    @Args() args: ThreadPageArgs,
    @CurrentUser() viewer: Viewer | null,
  ): Promise<ThreadConnectionModel> {
    return this.routing.mayLag(viewer?.id ?? null, () => this.queries.threadPage(article.id, args, viewer));
  }

  @Public()
  @ResolveField(() => [ThreadModel], {
    description: 'Threads whose passage is no longer in the text, oldest first, with their original quote.',
    complexity: listOf(ORPHANS_PER_ARTICLE),
  })
  orphanedThreads(@Parent() article: ArticleModel, @CurrentUser() viewer: Viewer | null): Promise<ThreadModel[]> {
    return this.routing.mayLag(viewer?.id ?? null, () => this.queries.orphanedThreads(article.id, viewer));
  }
}

@Public()
@Resolver()
export class DiscussionQueryResolver {
  constructor(
    private readonly queries: DiscussionQueryService,
    private readonly routing: ReadRouting,
    private readonly overview: DiscussionOverviewService,
  ) {}

  @Query(() => ThreadModel, { description: 'A whole thread by id, as the viewer may see it.' })
  thread(@Args() args: ThreadArgs, @CurrentUser() viewer: Viewer | null): Promise<ThreadModel> {
    return this.overview.thread(args.id, viewer);
  }

  @Query(() => CommentPermalinkModel, { description: 'A comment by id, as the viewer may see it.' })
  comment(@Args() args: CommentArgs, @CurrentUser() viewer: Viewer | null): Promise<CommentPermalinkModel> {
    return this.routing.mayLag(viewer?.id ?? null, () => this.queries.permalink(args.id, viewer));
  }

  @Query(() => CommentConnectionModel, { description: 'Direct replies to a comment, sorted, a page at a time.' })
  replies(@Args() args: ReplyPageArgs, @CurrentUser() viewer: Viewer | null): Promise<CommentConnectionModel> {
    return this.routing.mayLag(viewer?.id ?? null, () => this.queries.replies(args, viewer));
  }
}
