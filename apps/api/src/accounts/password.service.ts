import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { AuthPayload } from '../auth/dto/auth.inputs.js';
import { hashPassword } from '../auth/password.js';
import type { Viewer } from '../auth/viewer.js';
import { unauthenticated } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { RateLimiter } from '../infra/redis/rate-limiter.js';
import { AccountMailer } from './account-mailer.js';
import { AccountSessions } from './account-sessions.js';
import { AccountTokenService } from './account-token.service.js';
import type { ChangePasswordInput, ResetPasswordInput } from './dto/account.inputs.js';

const HOUR = 3600;
/** Reset requests from one client address per hour. */
export const RESETS_PER_ADDRESS = 20;
/** Reset requests for one email address per hour (known or not: the limit says nothing about accounts). */
export const RESETS_PER_EMAIL = 5;

/** Forgotten passwords (a mailed link) and changes by a signed-in user. */
@Injectable()
export class PasswordService implements OnApplicationShutdown {
  private readonly logger = new Logger(PasswordService.name);
  /** Reset mails being queued after their answer. */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly limiter: RateLimiter,
    private readonly tokens: AccountTokenService,
    private readonly mailer: AccountMailer,
    private readonly sessions: AccountSessions,
  ) {}

  /**
   * Always true, after the same work whether or not an account has this address: the limits
   * (counted for unknown addresses alike), then the answer. Looking the account up and queuing
   * its mail happen after the answer, so the answer's timing tells nothing about accounts.
   */
  async requestReset(email: string, clientAddress: string): Promise<true> {
    const normalized = email.trim().toLowerCase();
    const message = 'Too many password reset requests; try again later';
    await this.limiter.consume('reset-address', clientAddress, RESETS_PER_ADDRESS, HOUR, message);
    await this.limiter.consume('reset-email', normalized, RESETS_PER_EMAIL, HOUR, message);
    const work = this.mailReset(normalized)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not queue a password reset mail'))
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
    return true;
  }

  /** Spends the mailed token, sets the password, ends every other session and signs in. */
  async reset(input: ResetPasswordInput): Promise<AuthPayload> {
    // Hashed before the transaction, which then holds its row locks for milliseconds only.
    const passwordHash = await hashPassword(input.password);
    const userId = await this.prisma.$transaction(async (tx) => {
      const spent = await this.tokens.spend(tx, input.token, 'RESET_PASSWORD');
      const user = await tx.user.update({
        where: { id: spent.userId },
        data: { passwordHash },
        select: { status: true },
      });
      if (user.status === 'BANNED') throw unauthenticated('This account is banned');
      return spent.userId;
    });
    return this.sessions.startOver(userId);
  }

  /** The signed-in user's new password: every session ends but the new one returned. */
  async change(viewer: Viewer, input: ChangePasswordInput): Promise<AuthPayload> {
    await this.sessions.assertPassword(viewer, input.currentPassword, 'currentPassword');
    const passwordHash = await hashPassword(input.newPassword);
    await this.prisma.user.update({ where: { id: viewer.id }, data: { passwordHash } });
    return this.sessions.startOver(viewer.id);
  }

  private async mailReset(email: string): Promise<void> {
    const user = await this.prisma.user.findUnique({
      where: { email },
      select: { id: true, email: true, displayName: true },
    });
    if (!user) return;
    const outboxIds = await this.prisma.$transaction((tx) => this.mailer.passwordReset(tx, user));
    await this.mailer.dispatch(outboxIds);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.pending);
  }
}
