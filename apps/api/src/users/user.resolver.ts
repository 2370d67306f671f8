import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { UserModel } from './models/user.model.js';

@Resolver(() => UserModel)
export class UserResolver {
  /** Email addresses are private: shown to their owner and to admins only. */
  @Public()
  @ResolveField('email', () => String, { nullable: true })
  email(@Parent() user: UserModel, @CurrentUser() viewer: Viewer | null): string | null {
    if (viewer && (viewer.id === user.id || viewer.role === 'ADMIN')) return user.email ?? null;
    return null;
  }
}
