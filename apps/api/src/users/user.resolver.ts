import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public } from '../auth/decorators.js';
import { isStaff, type Viewer } from '../auth/viewer.js';
import { UserStatus } from '../generated/prisma/enums.js';
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

  /** A sanction (suspended, banned) is between the user and the staff: others see null. */
  @Public()
  @ResolveField('status', () => UserStatus, { nullable: true })
  status(@Parent() user: UserModel, @CurrentUser() viewer: Viewer | null): UserStatus | null {
    if (viewer && (viewer.id === user.id || isStaff(viewer))) return user.status;
    return null;
  }
}
