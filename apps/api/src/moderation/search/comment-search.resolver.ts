import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles } from '../../auth/decorators.js';
import type { Viewer } from '../../auth/viewer.js';
import { SearchCommentsArgs } from './comment-search.args.js';
import { CommentSearchPageModel } from './comment-search.models.js';
import { CommentSearch } from './comment-search.service.js';

@Resolver()
export class CommentSearchResolver {
  constructor(private readonly searcher: CommentSearch) {}

  @Roles('MODERATOR', 'ADMIN')
  @Query(() => CommentSearchPageModel, {
    description: 'Full-text search over comment bodies, whatever their status, newest first (keyset pagination).',
  })
  searchComments(@Args() args: SearchCommentsArgs, @CurrentUser() viewer: Viewer): Promise<CommentSearchPageModel> {
    return this.searcher.search(args, viewer);
  }
}
