import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { UsersArgs } from './dto/users.args.js';
import { UserConnectionModel, UserSummaryModel } from './models/user-summary.model.js';
import { UserDirectoryService } from './user-directory.service.js';

@Resolver(() => UserSummaryModel)
export class UserDirectoryResolver {
  constructor(private readonly directory: UserDirectoryService) {}

  @Roles('MODERATOR', 'ADMIN')
  @Query(() => UserConnectionModel, {
    description: 'Users for staff, newest accounts first: search, filter by role and status, page with `after`.',
  })
  users(@Args() args: UsersArgs, @CurrentUser() viewer: Viewer): Promise<UserConnectionModel> {
    return this.directory.list(args, viewer);
  }

  /** The same rule as User.email and ModeratedUser.email: admins (and the user) only. */
  @ResolveField('email', () => String, { nullable: true })
  email(@Parent() user: UserSummaryModel, @CurrentUser() viewer: Viewer | null): string | null {
    if (viewer && (viewer.id === user.id || viewer.role === 'ADMIN')) return user.email ?? null;
    return null;
  }
}
