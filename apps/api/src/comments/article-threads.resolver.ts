import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ArticleModel } from '../articles/models/article.model.js';
import { CurrentUser, Public } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { ReadRouting } from '../infra/prisma/read-routing.js';
import { DiscussionQueryService } from './discussion-query.service.js';
import { CommentArgs, ReplyPageArgs, ThreadPageArgs } from './dto/page.args.js';
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
  ) {}

  @Public()
  @ResolveField(() => [ThreadModel], {
    description: 'Threads with visible comments, in text order; page-level last.',
    complexity: listOf(THREADS_PER_ARTICLE),
  })
  threads(@Parent() article: ArticleModel, @CurrentUser() viewer: Viewer | null): Promise<ThreadModel[]> {
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
  ) {}

  @Query(() => CommentPermalinkModel, { description: 'A comment by id, as the viewer may see it.' })
  comment(@Args() args: CommentArgs, @CurrentUser() viewer: Viewer | null): Promise<CommentPermalinkModel> {
    return this.routing.mayLag(viewer?.id ?? null, () => this.queries.permalink(args.id, viewer));
  }

  @Query(() => CommentConnectionModel, { description: 'Direct replies to a comment, sorted, a page at a time.' })
  replies(@Args() args: ReplyPageArgs, @CurrentUser() viewer: Viewer | null): Promise<CommentConnectionModel> {
    return this.routing.mayLag(viewer?.id ?? null, () => this.queries.replies(args, viewer));
  }
}
