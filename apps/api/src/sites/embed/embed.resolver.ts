import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public } from '../../auth/decorators.js';
import type { Viewer } from '../../auth/viewer.js';
import type { GraphQLContext } from '../../infra/graphql/graphql.module.js';
import { EmbedArticleModel } from './embed-article.model.js';
import { EmbedService } from './embed.service.js';

@Resolver()
export class EmbedResolver {
  constructor(private readonly embed: EmbedService) {}

  @Public()
  @Query(() => EmbedArticleModel, {
    description:
      'The article of a page of a publisher’s site, by the page’s URL; an unknown page of a registered origin is imported (state PENDING until then).',
  })
  embedArticle(
    @Args('siteId', { type: () => ID }) siteId: string,
    @Args('url', { type: () => String }) url: string,
    @Context() context: GraphQLContext,
    @CurrentUser() viewer: Viewer | null,
  ): Promise<EmbedArticleModel> {
    return this.embed.article(siteId, url, context.req.ip ?? 'unknown', viewer);
  }
}
