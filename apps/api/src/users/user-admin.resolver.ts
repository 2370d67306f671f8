import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles, Writes } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { ModerationQueueReader } from '../moderation/queues/moderation-queue.reader.js';
import {
  SetUserPremodArgs,
  SetUserRoleArgs,
  SetUserStatusInput,
  UserArgs,
  UserModerationViewModel,
} from './dto/user-admin.inputs.js';
import { ModeratedUserModel } from './models/moderated-user.model.js';
import { UserAdminService } from './user-admin.service.js';

@Resolver()
export class UserAdminResolver {
  constructor(
    private readonly users: UserAdminService,
    private readonly comments: ModerationQueueReader,
  ) {}

  @Roles('MODERATOR', 'ADMIN')
  @Query(() => UserModerationViewModel, {
    description: 'For staff: a user with their status, counts and latest comments (`user` is the public profile).',
  })
  async moderatedUser(@Args() { id, recent }: UserArgs): Promise<UserModerationViewModel> {
    const [user, recentComments] = await Promise.all([this.users.get(id), this.comments.recentByAuthor(id, recent)]);
    return { user, recentComments };
  }

  @Roles('MODERATOR', 'ADMIN')
  @Writes()
  @Mutation(() => ModeratedUserModel, {
    description: 'Suspends (read-only), bans (signed out, comments rejected) or reinstates a user.',
  })
  setUserStatus(@Args('input') input: SetUserStatusInput, @CurrentUser() viewer: Viewer): Promise<ModeratedUserModel> {
    return this.users.setStatus(input, viewer);
  }

  @Roles('MODERATOR', 'ADMIN')
  @Writes()
  @Mutation(() => ModeratedUserModel, { description: 'Holds every comment of the user for a moderator, or stops.' })
  setUserPremod(@Args() { userId, on }: SetUserPremodArgs, @CurrentUser() viewer: Viewer): Promise<ModeratedUserModel> {
    return this.users.setPremod(userId, on, viewer);
  }

  @Roles('ADMIN')
  @Writes()
  @Mutation(() => ModeratedUserModel)
  setUserRole(@Args() { userId, role }: SetUserRoleArgs, @CurrentUser() viewer: Viewer): Promise<ModeratedUserModel> {
    return this.users.setRole(userId, role, viewer);
  }
}
