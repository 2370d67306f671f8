import { Inject, Injectable } from '@nestjs/common';
import { SITE_SIGN_IN_ONLY } from '../../auth/password.js';
import { isEmail } from 'class-validator';
import type { RedisClient } from '../../infra/redis/redis-client.js';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AuthService } from '../../auth/auth.service.js';
import type { AuthPayload } from '../../auth/dto/auth.inputs.js';
import type { Viewer } from '../../auth/viewer.js';
import { Prisma } from '../../generated/prisma/client.js';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/env.js';
import { DomainError, notFound, unauthenticated } from '../../infra/errors/domain-error.js';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { REDIS } from '../../infra/redis/redis.module.js';
import { RateLimiter } from '../../infra/redis/rate-limiter.js';
import type { SsoLoginInput } from '../dto/sso-login.input.js';
import { handleCandidates } from './sso-handle.js';
import { verifySsoToken, type SsoClaims } from './sso-token.js';

/** Not an Argon2 hash: an account made by single sign-on has no password to sign in with. */

/** Where an account made by single sign-on without a usable address points; `.invalid` is never mailed. */
const placeholderEmail = (userId: string): string => `sso-${userId}@sso.invalid`;

/**
 * Signs in a host site's user with the token the host signed: verified (HS256 with the site's
 * secret, expiry at most an hour ahead), spent once (its hash is remembered in Redis until it
 * expires), and mapped to a Marginalia account by (site, subject) only. The account is a
 * READER; its name follows the host's, and so does its address unless another account has it.
 */
@Injectable()
export class SsoLoginService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly auth: AuthService,
    private readonly limiter: RateLimiter,
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The new session, and the signed-in user as the rest of the request sees them. */
  async login(input: SsoLoginInput, address: string): Promise<{ payload: AuthPayload; viewer: Viewer }> {
    await this.limiter.consume(
      'sso-login',
      address,
      this.config.SSO_LOGIN_RATE_LIMIT,
      60,
      'Too many sign-ins from your network; try again in a minute',
    );
    const site = await this.prisma.site.findUnique({
      where: { id: input.siteId },
      select: { id: true, ssoSecret: true },
    });
    if (!site) throw notFound('Site', 'siteId');

    const now = Math.floor(Date.now() / 1000);
    const verified = verifySsoToken(input.token, site.ssoSecret, now);
    if (!verified.ok) {
      throw new DomainError(
        verified.reason === 'expired' ? 'SSO_TOKEN_EXPIRED' : 'SSO_TOKEN_INVALID',
        verified.message,
      );
    }
    await this.spend(site.id, input.token, verified.claims.exp - now);
    const userId = await this.accountFor(site.id, verified.claims);
    const payload = await this.auth.issue(userId);
    const { emailVerifiedAt } = await this.prisma.user.findUniqueOrThrow({
      where: { id: userId },
      select: { emailVerifiedAt: true },
    });
    const { id, role, status, handle, displayName } = payload.user;
    return { payload, viewer: { id, role, status, handle, displayName, emailVerified: emailVerifiedAt !== null } };
  }

  /** The first use of a token wins; any later one is a replay, until the token expires anyway. */
  private async spend(siteId: string, token: string, ttlSeconds: number): Promise<void> {
    const hash = createHash('sha256').update(token).digest('base64url');
    const key = `${this.config.REDIS_PREFIX}:sso-spent:${siteId}:${hash}`;
    // Fails closed: without Redis a replay could not be told apart, so the sign-in errors.
    const first = await this.redis.set(key, '1', 'EX', Math.max(1, ttlSeconds), 'NX');
    if (first !== 'OK') throw new DomainError('SSO_TOKEN_REPLAYED', 'This sign-in token was already used');
  }

  private async accountFor(siteId: string, claims: SsoClaims): Promise<string> {
    const identity = await this.prisma.siteIdentity.findUnique({
      where: { siteId_subject: { siteId, subject: claims.sub } },
      select: { id: true, user: { select: { id: true, email: true, displayName: true, status: true } } },
    });
    if (!identity) return this.createAccount(siteId, claims);
    const { user } = identity;
    if (user.status === 'BANNED') throw unauthenticated('This account is banned');
    const email = await this.emailToKeep(claims.email, user.id);
    await this.prisma.$transaction([
      this.prisma.siteIdentity.update({ where: { id: identity.id }, data: { lastSeenAt: new Date() } }),
      this.prisma.user.update({
        where: { id: user.id },
        data: {
          ...(claims.name !== user.displayName ? { displayName: claims.name } : {}),
          // A changed address is the host's word, not proven to us.
          ...(email && email !== user.email ? { email, emailVerifiedAt: null } : {}),
        },
      }),
    ]);
    return user.id;
  }

  /** The host's address, unless it is unusable or another account has it (then null: keep what we have). */
  private async emailToKeep(raw: string | null, userId: string): Promise<string | null> {
    const email = raw?.trim().toLowerCase();
    if (!email || email.length > 254 || !isEmail(email)) return null;
    const holder = await this.prisma.user.findUnique({ where: { email }, select: { id: true } });
    return holder && holder.id !== userId ? null : email;
  }

  private async createAccount(siteId: string, claims: SsoClaims): Promise<string> {
    const userId = randomUUID();
    const email = (await this.emailToKeep(claims.email, userId)) ?? placeholderEmail(userId);
    for (const handle of handleCandidates(claims.name, () => randomBytes(3).toString('hex'))) {
      try {
        await this.prisma.$transaction([
          this.prisma.user.create({
            data: {
              id: userId,
              email,
              handle,
              displayName: claims.name,
              passwordHash: SITE_SIGN_IN_ONLY,
              role: 'READER',
            },
          }),
          this.prisma.siteIdentity.create({ data: { siteId, subject: claims.sub, userId } }),
        ]);
        return userId;
      } catch (error) {
        if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') throw error;
        const target = JSON.stringify(error.meta ?? {});
        // Two first sign-ins of one host user at once: the other made the account.
        if (target.includes('subject') || target.includes('SiteIdentity')) {
          const made = await this.prisma.siteIdentity.findUnique({
            where: { siteId_subject: { siteId, subject: claims.sub } },
            select: { userId: true },
          });
          if (made) return made.userId;
        }
        // The address was taken in the meantime: the placeholder then.
        if (target.includes('email')) return this.createAccountWithout(siteId, claims, userId);
        // Otherwise the handle was taken: the next candidate.
      }
    }
    throw new DomainError('CONFLICT', 'Could not find a free handle; try again');
  }

  private async createAccountWithout(siteId: string, claims: SsoClaims, userId: string): Promise<string> {
    return this.createAccount(siteId, { ...claims, email: placeholderEmail(userId) });
  }
}
