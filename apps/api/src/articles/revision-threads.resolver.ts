import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public } from '../auth/decorators.js';
import { isStaff, type Viewer } from '../auth/viewer.js';
import { forbidden } from '../infra/errors/domain-error.js';
import { ArticleService } from './article.service.js';
import { ArticleRevisionModel } from './models/article.model.js';
import { RevisionThreadModel } from './models/revision-thread.model.js';

@Resolver(() => ArticleRevisionModel)
export class RevisionThreadsResolver {
  constructor(private readonly articles: ArticleService) {}

  /** Staff only: readers have no use for anchoring outcomes, and held threads would show. */
  @Public()
  @ResolveField(() => [RevisionThreadModel], {
    description: 'Staff only: the threads last evaluated against this revision, and what it did to each.',
  })
  threadOutcomes(
    @Parent() revision: ArticleRevisionModel,
    @CurrentUser() viewer: Viewer | null,
  ): Promise<RevisionThreadModel[]> {
    if (!isStaff(viewer)) throw forbidden('Only staff see what a revision did to the threads');
    return this.articles.threadOutcomes(revision.id);
  }
}
