import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles } from '../../auth/decorators.js';
import type { Viewer } from '../../auth/viewer.js';
import { ReadRouting } from '../../infra/prisma/read-routing.js';
import { SearchCommentsArgs } from './comment-search.args.js';
import { CommentSearchPageModel } from './comment-search.models.js';
import { CommentSearch } from './comment-search.service.js';

@Resolver()
export class CommentSearchResolver {
  constructor(
    private readonly searcher: CommentSearch,
    private readonly routing: ReadRouting,
  ) {}

  @Roles('MODERATOR', 'ADMIN')
  @Query(() => CommentSearchPageModel, {
    description: 'Full-text search over comment bodies, whatever their status, newest first (keyset pagination).',
  })
  searchComments(@Args() args: SearchCommentsArgs, @CurrentUser() viewer: Viewer): Promise<CommentSearchPageModel> {
    // The hits may lag (a replica's index); the comments shown are read from the primary.
    return this.routing.mayLag(viewer.id, () => this.searcher.search(args, viewer));
  }
}
