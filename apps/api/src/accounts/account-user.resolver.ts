import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { hasOwnPassword } from '../auth/password.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { UserModel } from '../users/models/user.model.js';

@Resolver(() => UserModel)
export class AccountUserResolver {
  /** Per request (the viewer object is the request's): whether the viewer has a password. */
  private readonly passwordOf = new WeakMap<Viewer, Promise<boolean>>();

  constructor(private readonly prisma: PrismaService) {}

  /** Private like the address itself: its owner and admins see it, anyone else false. */
  @Public()
  @ResolveField('emailVerified', () => Boolean, {
    description: 'Whether the address was verified by its mailed link; false for anyone but the user and admins.',
  })
  async emailVerified(
    @Parent() user: UserModel & { emailVerifiedAt?: Date | null },
    @CurrentUser() viewer: Viewer | null,
  ): Promise<boolean> {
    if (!viewer || (viewer.id !== user.id && viewer.role !== 'ADMIN')) return false;
    if (user.emailVerifiedAt !== undefined) return user.emailVerifiedAt !== null;
    if (viewer.id === user.id) return viewer.emailVerified;
    const row = await this.prisma.user.findUnique({ where: { id: user.id }, select: { emailVerifiedAt: true } });
    return Boolean(row?.emailVerifiedAt);
  }

  /** Whether the account signs in with a password of its own (one a site's sign-on made does not). */
  @Public()
  @ResolveField('hasPassword', () => Boolean, {
    description: 'Whether the account has a password of its own; false for anyone but the user.',
  })
  hasPassword(@Parent() user: UserModel, @CurrentUser() viewer: Viewer | null): Promise<boolean> | boolean {
    if (!viewer || viewer.id !== user.id) return false;
    // Asked once per request: the viewer may appear as author on many comments of one answer.
    let answer = this.passwordOf.get(viewer);
    if (!answer) {
      answer = this.prisma.user
        .findUnique({ where: { id: user.id }, select: { passwordHash: true } })
        .then((row) => (row ? hasOwnPassword(row.passwordHash) : false));
      this.passwordOf.set(viewer, answer);
    }
    return answer;
  }
}
