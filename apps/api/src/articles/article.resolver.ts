import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public } from '../auth/decorators.js';
import { ArticleService } from './article.service.js';
import { ArticlePageArgs, RevisionPageArgs } from './dto/article-page.args.js';
import { ArticleConnectionModel, ArticleRevisionConnectionModel } from './models/article-connection.model.js';
import { ArticleModel, ArticleRevisionModel } from './models/article.model.js';

@Public()
@Resolver(() => ArticleModel)
export class ArticleResolver {
  constructor(private readonly service: ArticleService) {}

  @Query(() => ArticleConnectionModel, { description: 'Articles, a page at a time (keyset pagination).' })
  articles(@Args() args: ArticlePageArgs): Promise<ArticleConnectionModel> {
    return this.service.page(args);
  }

  @Query(() => ArticleModel, { nullable: true })
  article(@Args('slug') slug: string): Promise<ArticleModel | null> {
    return this.service.bySlug(slug);
  }

  @ResolveField(() => ArticleRevisionModel, { description: 'The current revision, or the given version.' })
  revision(
    @Parent() article: ArticleModel,
    @Args('version', { type: () => Int, nullable: true }) version: number | null,
  ): Promise<ArticleRevisionModel> {
    return this.service.revision(article.id, version);
  }

  @ResolveField(() => ArticleRevisionConnectionModel, { description: 'Revisions, newest first, a page at a time.' })
  revisions(@Parent() article: ArticleModel, @Args() args: RevisionPageArgs): Promise<ArticleRevisionConnectionModel> {
    return this.service.revisions(article.id, args);
  }
}
