import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles, Writes } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { ThreadModel } from '../comments/models/comment.model.js';
import { ReattachThreadInput } from './dto/reattach-thread.input.js';
import { ReattachService } from './reattach.service.js';

@Resolver(() => ThreadModel)
export class ReattachThreadResolver {
  constructor(private readonly reattachments: ReattachService) {}

  @Roles('MODERATOR', 'ADMIN')
  @Writes()
  @Mutation(() => ThreadModel, {
    description: 'Moves a thread (typically an orphaned one) onto a passage of the current revision.',
  })
  reattachThread(@Args('input') input: ReattachThreadInput, @CurrentUser() viewer: Viewer): Promise<ThreadModel> {
    return this.reattachments.reattach(input, viewer);
  }
}
