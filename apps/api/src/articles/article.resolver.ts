import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { ReadRouting } from '../infra/prisma/read-routing.js';
import { ArticleIdArgs } from './dto/article-admin.inputs.js';
import { ArticleService } from './article.service.js';
import { ArticlePageArgs, RevisionPageArgs } from './dto/article-page.args.js';
import { ArticleConnectionModel, ArticleRevisionConnectionModel } from './models/article-connection.model.js';
import { ArticleModel, ArticleRevisionModel } from './models/article.model.js';

/** Article text and lists tolerate replica lag, except for a viewer who just wrote (ReadRouting). */
@Public()
@Resolver(() => ArticleModel)
export class ArticleResolver {
  constructor(
    private readonly service: ArticleService,
    private readonly routing: ReadRouting,
  ) {}

  @Query(() => ArticleConnectionModel, { description: 'Articles, a page at a time (keyset pagination).' })
  articles(@Args() args: ArticlePageArgs, @CurrentUser() viewer: Viewer | null): Promise<ArticleConnectionModel> {
    return this.routing.mayLag(viewer?.id ?? null, () => this.service.page(args, viewer));
  }

  @Query(() => ArticleModel, {
    nullable: true,
    description: 'An article by its slug (or a slug it had before); null when there is none for the viewer.',
  })
  article(@Args('slug') slug: string, @CurrentUser() viewer: Viewer | null): Promise<ArticleModel | null> {
    return this.routing.mayLag(viewer?.id ?? null, () => this.service.bySlug(slug, viewer));
  }

  @Query(() => ArticleModel, {
    nullable: true,
    description: 'An article by id; null when there is none for the viewer.',
  })
  articleById(@Args() { id }: ArticleIdArgs, @CurrentUser() viewer: Viewer | null): Promise<ArticleModel | null> {
    return this.routing.mayLag(viewer?.id ?? null, () => this.service.byId(id, viewer));
  }

  @ResolveField(() => ArticleRevisionModel, { description: 'The current revision, or the given version.' })
  revision(
    @Parent() article: ArticleModel,
    @Args('version', { type: () => Int, nullable: true }) version: number | null,
    @CurrentUser() viewer: Viewer | null,
  ): Promise<ArticleRevisionModel> {
    return this.routing.mayLag(viewer?.id ?? null, () => this.service.revision(article.id, version));
  }

  @ResolveField(() => ArticleRevisionConnectionModel, { description: 'Revisions, newest first, a page at a time.' })
  revisions(
    @Parent() article: ArticleModel,
    @Args() args: RevisionPageArgs,
    @CurrentUser() viewer: Viewer | null,
  ): Promise<ArticleRevisionConnectionModel> {
    return this.routing.mayLag(viewer?.id ?? null, () => this.service.revisions(article.id, args));
  }
}
