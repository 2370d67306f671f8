import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles, Writes } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { ArticleAdminService } from './article-admin.service.js';
import {
  DeleteArticleInput,
  SetArticleDiscussionInput,
  SetArticleStateInput,
  UpdateArticleInput,
} from './dto/article-admin.inputs.js';
import { ArticleModel } from './models/article.model.js';

@Roles('ADMIN')
@Resolver()
export class ArticleAdminResolver {
  constructor(private readonly articles: ArticleAdminService) {}

  @Writes()
  @Mutation(() => ArticleModel, { description: 'Changes title, author, site name, publication date or slug.' })
  updateArticle(@Args('input') input: UpdateArticleInput, @CurrentUser() viewer: Viewer): Promise<ArticleModel> {
    return this.articles.update(input, viewer);
  }

  @Writes()
  @Mutation(() => ArticleModel, { description: 'Publishes, unpublishes (staff only) or archives (read-only).' })
  setArticleState(@Args('input') input: SetArticleStateInput, @CurrentUser() viewer: Viewer): Promise<ArticleModel> {
    return this.articles.setState(input, viewer);
  }

  @Writes()
  @Mutation(() => ArticleModel, { description: 'Opens or closes the discussion, now or at a time; pre-moderation.' })
  setArticleDiscussion(
    @Args('input') input: SetArticleDiscussionInput,
    @CurrentUser() viewer: Viewer,
  ): Promise<ArticleModel> {
    return this.articles.setDiscussion(input, viewer);
  }

  @Writes()
  @Mutation(() => Boolean, {
    description: 'Deletes the article, its revisions and discussion (export it first: exportArticle).',
  })
  deleteArticle(@Args('input') input: DeleteArticleInput, @CurrentUser() viewer: Viewer): Promise<boolean> {
    return this.articles.delete(input, viewer);
  }
}
