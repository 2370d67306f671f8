import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { CommentHistoryService } from './comment-history.service.js';
import { CommentHistoryArgs } from './dto/comment-history.args.js';
import { CommentHistoryModel } from './models/comment-history.model.js';

@Resolver()
export class CommentHistoryResolver {
  constructor(private readonly histories: CommentHistoryService) {}

  @Query(() => CommentHistoryModel, { description: 'Every version of a comment: for its author and moderators.' })
  commentHistory(
    @Args() { commentId }: CommentHistoryArgs,
    @CurrentUser() viewer: Viewer,
  ): Promise<CommentHistoryModel> {
    return this.histories.history(commentId, viewer);
  }
}
