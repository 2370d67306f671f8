import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { RateLimiter } from '../infra/redis/rate-limiter.js';
import { AccountMailer } from './account-mailer.js';
import { AccountTokenService, tokenError } from './account-token.service.js';
import { ACCOUNT_FIELDS, type AccountUser } from './account-user.js';

/** Verification mails a signed-in user may ask for per hour. */
export const RESENDS_PER_HOUR = 5;

/** Proving an address: the link mailed at registration (or again on request). */
@Injectable()
export class EmailVerificationService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly limiter: RateLimiter,
    private readonly tokens: AccountTokenService,
    private readonly mailer: AccountMailer,
  ) {}

  /** Marks the address verified; the link must be for the address the account still has. */
  async verify(token: string): Promise<AccountUser> {
    return this.prisma.$transaction(async (tx) => {
      const spent = await this.tokens.spend(tx, token, 'VERIFY_EMAIL');
      const user = await tx.user.findUniqueOrThrow({ where: { id: spent.userId }, select: { email: true } });
      if (spent.newEmail !== user.email) throw tokenError('TOKEN_INVALID');
      return tx.user.update({
        where: { id: spent.userId },
        data: { emailVerifiedAt: new Date() },
        select: ACCOUNT_FIELDS,
      });
    });
  }

  /** Mails a new link (earlier ones stop working); false when the address is verified already. */
  async resend(viewer: Viewer): Promise<boolean> {
    await this.limiter.consume(
      'verify-resend',
      viewer.id,
      RESENDS_PER_HOUR,
      3600,
      'You asked for several links already; check your mail (and its spam folder) or try again later',
    );
    const user = await this.prisma.user.findUniqueOrThrow({
      where: { id: viewer.id },
      select: { id: true, email: true, displayName: true, emailVerifiedAt: true },
    });
    if (user.emailVerifiedAt) return false;
    const outboxIds = await this.prisma.$transaction((tx) => this.mailer.verification(tx, user));
    await this.mailer.dispatch(outboxIds);
    return true;
  }
}
