import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles, Writes } from '../../auth/decorators.js';
import type { Viewer } from '../../auth/viewer.js';
import { notFound } from '../../infra/errors/domain-error.js';
import { ModerationQueueReader } from '../queues/moderation-queue.reader.js';
import { ModerationItemModel } from '../queues/queue.models.js';
import {
  ModerateCommentInput,
  ModerateCommentsInput,
  ModerationResultModel,
  ResolveFlagsArgs,
} from './moderation-actions.inputs.js';
import { ModerationActions } from './moderation-actions.service.js';

@Resolver()
export class ModerationActionsResolver {
  constructor(
    private readonly actions: ModerationActions,
    private readonly reader: ModerationQueueReader,
  ) {}

  @Roles('MODERATOR', 'ADMIN')
  @Writes()
  @Mutation(() => ModerationItemModel, { description: 'Approves, rejects or holds a comment; returns it as queued.' })
  async moderateComment(
    @Args('input') input: ModerateCommentInput,
    @CurrentUser() viewer: Viewer,
  ): Promise<ModerationItemModel> {
    await this.actions.moderate(input, viewer);
    return this.item(input.commentId);
  }

  @Roles('MODERATOR', 'ADMIN')
  @Writes()
  @Mutation(() => [ModerationResultModel], { description: 'The same action on up to 100 comments, each on its own.' })
  moderateComments(
    @Args('input') input: ModerateCommentsInput,
    @CurrentUser() viewer: Viewer,
  ): Promise<ModerationResultModel[]> {
    return this.actions.moderateMany(input, viewer);
  }

  @Roles('MODERATOR', 'ADMIN')
  @Writes()
  @Mutation(() => ModerationItemModel, {
    description: 'Dismisses the open reports without approving anything else; a comment reports hid is published.',
  })
  async resolveFlags(
    @Args() { commentId, reason }: ResolveFlagsArgs,
    @CurrentUser() viewer: Viewer,
  ): Promise<ModerationItemModel> {
    await this.actions.resolveFlags(commentId, viewer, reason?.trim() || null);
    return this.item(commentId);
  }

  private async item(commentId: string): Promise<ModerationItemModel> {
    const [item] = await this.reader.byIds([commentId]);
    if (!item) throw notFound('Comment', 'commentId');
    return item;
  }
}
