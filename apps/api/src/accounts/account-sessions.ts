import { Injectable } from '@nestjs/common';
import { AuthService } from '../auth/auth.service.js';
import type { AuthPayload } from '../auth/dto/auth.inputs.js';
import { LOGIN_FAILURES } from '../auth/local.strategy.js';
import { verifyPassword } from '../auth/password.js';
import type { Viewer } from '../auth/viewer.js';
import { badInput } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { RateLimiter } from '../infra/redis/rate-limiter.js';

/** Password checks of a signed-in user (changing the password or the address) per hour. */
const PASSWORD_CHECKS_PER_HOUR = 10;

/** What the account flows share: checking the current password, and starting over with one new sign-in. */
@Injectable()
export class AccountSessions {
  constructor(
    private readonly prisma: PrismaService,
    private readonly auth: AuthService,
    private readonly limiter: RateLimiter,
  ) {}

  /** The signed-in user's password, or BAD_USER_INPUT on `field`; limited, so a stolen session cannot guess it. */
  async assertPassword(viewer: Viewer, password: string, field: string): Promise<void> {
    await this.limiter.consume(
      'password-check',
      viewer.id,
      PASSWORD_CHECKS_PER_HOUR,
      3600,
      'Too many password attempts; try again later',
    );
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { passwordHash: true } });
    if (!(await verifyPassword(user.passwordHash, password))) throw badInput(field, 'Wrong password');
  }

  /**
   * After a password change: every session of the user ends (access tokens by tokenVersion,
   * refresh token families revoked: docs/sessions.md), a sign-in lockout is lifted, and one new
   * sign-in is issued for the browser that made the change.
   */
  async startOver(userId: string): Promise<AuthPayload> {
    await this.auth.logout(userId);
    const { email } = await this.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    await this.limiter.reset(LOGIN_FAILURES, email);
    return this.auth.issue(userId);
  }
}
