import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import { RateLimiter } from '../infra/redis/rate-limiter.js';
import { AuthService } from './auth.service.js';
import type { Viewer } from './viewer.js';

/** Email + password. Attempts are limited per address and email before any hashing work. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
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
    return this.auth.verifyCredentials(normalized, password);
  }
}
