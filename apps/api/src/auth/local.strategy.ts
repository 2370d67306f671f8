import { Inject, Injectable, Logger } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import { DomainError } from '../infra/errors/domain-error.js';
import { RateLimiter } from '../infra/redis/rate-limiter.js';

/** Rate-limit bucket of failed sign-ins per account (a password reset clears it). */
export const LOGIN_FAILURES = 'login-failures';
import { AuthService } from './auth.service.js';
import type { Viewer } from './viewer.js';

/**
 * Email + password. Attempts are limited per address and email before any hashing work, and
 * an account whose password was missed LOGIN_ACCOUNT_FAILURE_LIMIT times (from any addresses)
 * is locked for LOGIN_LOCKOUT_SECONDS. Unknown emails are counted alike, so a lockout says
 * nothing about whether an account exists; a reader's failures never lock out another.
 */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  private readonly logger = new Logger(LocalStrategy.name);

  constructor(
    private readonly auth: AuthService,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  async validate(req: FastifyRequest, email: string, password: string): Promise<Viewer> {
    const normalized = email.trim().toLowerCase();
    await this.limiter.consume(
      'login',
      `${req.ip}:${normalized}`,
      this.config.LOGIN_RATE_LIMIT,
      60,
      'Too many sign-in attempts; wait a minute and try again',
    );
    await this.limiter.assertBelow(
      LOGIN_FAILURES,
      normalized,
      this.config.LOGIN_ACCOUNT_FAILURE_LIMIT,
      'Too many failed sign-ins for this account',
    );
    try {
      const viewer = await this.auth.verifyCredentials(normalized, password);
      await this.limiter.reset(LOGIN_FAILURES, normalized);
      return viewer;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'UNAUTHENTICATED') {
        const lockedNow = await this.limiter.fail(
          LOGIN_FAILURES,
          normalized,
          this.config.LOGIN_ACCOUNT_FAILURE_LIMIT,
          this.config.LOGIN_LOCKOUT_SECONDS,
        );
        // Not awaited: the answer must not take longer for an account that exists.
        if (lockedNow) {
          void this.auth
            .mailLockout(normalized)
            .catch((e: unknown) => this.logger.warn({ err: e }, 'could not queue the lockout mail'));
        }
      }
      throw error;
    }
  }
}
