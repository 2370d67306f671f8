import { Args, Int, Parent, Query, registerEnumType, ResolveField, Resolver } from '@nestjs/graphql';
import { Public } from '../auth/decorators.js';
import { ArticleService } from './article.service.js';
import { ArticleModel, ArticleRevisionModel } from './models/article.model.js';

export const ArticleOrder = { NEWEST: 'NEWEST', MOST_DISCUSSED: 'MOST_DISCUSSED' } as const;
registerEnumType(ArticleOrder, { name: 'ArticleOrder' });

@Public()
@Resolver(() => ArticleModel)
export class ArticleResolver {
  constructor(private readonly service: ArticleService) {}

  @Query(() => [ArticleModel])
  articles(
    @Args('search', { type: () => String, nullable: true }) search: string | null,
    @Args('orderBy', { type: () => ArticleOrder, nullable: true }) orderBy: keyof typeof ArticleOrder | null,
  ): Promise<ArticleModel[]> {
    return this.service.list({ search: search?.slice(0, 200), orderBy: orderBy ?? 'NEWEST' });
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

  @ResolveField(() => [ArticleRevisionModel])
  revisions(@Parent() article: ArticleModel): Promise<ArticleRevisionModel[]> {
    return this.service.revisions(article.id);
  }
}
