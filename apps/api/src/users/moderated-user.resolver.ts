import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { ModeratedUserModel } from './models/moderated-user.model.js';

@Resolver(() => ModeratedUserModel)
export class ModeratedUserResolver {
  /** The same rule as User.email: moderators work without readers' addresses; admins may need them. */
  @ResolveField('email', () => String, { nullable: true })
  email(@Parent() user: ModeratedUserModel, @CurrentUser() viewer: Viewer | null): string | null {
    if (viewer && (viewer.id === user.id || viewer.role === 'ADMIN')) return user.email ?? null;
    return null;
  }
}
