import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public } from '../auth/decorators.js';
import { isStaff, type Viewer } from '../auth/viewer.js';
import { ArticleDigestArgs } from './dto/digest.args.js';
import { ArticleDigestModel } from './digest.models.js';
import { DigestService } from './digest.service.js';

@Public()
@Resolver(() => ArticleDigestModel)
export class DigestResolver {
  constructor(private readonly service: DigestService) {}

  @Query(() => ArticleDigestModel, {
    nullable: true,
    description: 'What readers are saying about an article; null until its first digest is built.',
  })
  articleDigest(@Args() { articleId }: ArticleDigestArgs, @CurrentUser() viewer: Viewer | null) {
    return this.service.read(articleId, viewer);
  }

  @ResolveField(() => [ID], {
    nullable: true,
    description: 'The published comments the digest was built from; staff only (null for anyone else).',
  })
  sourceCommentIds(@Parent() digest: ArticleDigestModel, @CurrentUser() viewer: Viewer | null): string[] | null {
    return isStaff(viewer) ? digest.sources : null;
  }
}
