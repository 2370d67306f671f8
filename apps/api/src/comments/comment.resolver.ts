import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ArticleModel } from '../articles/models/article.model.js';
import { CurrentUser, Public, Writes } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { CommentService } from './comment.service.js';
import { CreateThreadInput, ReplyInput } from './dto/comment.inputs.js';
import { CommentModel, ThreadModel } from './models/comment.model.js';
import { ThreadReader } from './thread-reader.js';

@Resolver(() => ArticleModel)
export class ArticleThreadsResolver {
  constructor(private readonly reader: ThreadReader) {}

  @Public()
  @ResolveField(() => [ThreadModel], { description: 'Threads with visible comments, in text order; page-level last.' })
  threads(@Parent() article: ArticleModel, @CurrentUser() viewer: Viewer | null): Promise<ThreadModel[]> {
    return this.reader.forArticle(article.id, viewer);
  }
}

@Resolver(() => CommentModel)
export class CommentResolver {
  constructor(private readonly comments: CommentService) {}

  @Writes()
  @Mutation(() => ThreadModel, { description: 'Starts a thread on a passage (selector) or on the whole page.' })
  createThread(@Args('input') input: CreateThreadInput, @CurrentUser() viewer: Viewer): Promise<ThreadModel> {
    return this.comments.createThread(input, viewer);
  }

  @Writes()
  @Mutation(() => CommentModel)
  reply(@Args('input') input: ReplyInput, @CurrentUser() viewer: Viewer): Promise<CommentModel> {
    return this.comments.reply(input, viewer);
  }
}
