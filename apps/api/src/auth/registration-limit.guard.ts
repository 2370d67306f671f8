import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import { RateLimiter } from '../infra/redis/rate-limiter.js';
import { requestOf } from './decorators.js';

const HOUR = 3600;

/**
 * Registrations per client address and across the site, each per hour, before any hashing
 * work (an Argon2 hash costs 19 MiB): accounts are what flags and comment limits are counted
 * by, so an unlimited supply of them would sidestep both. The address is the one TRUST_PROXY
 * lets the server believe.
 */
@Injectable()
export class RegistrationLimitGuard implements CanActivate {
  constructor(
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const address = requestOf(context).ip ?? 'unknown';
    await this.limiter.consume(
      'register',
      address,
      this.config.REGISTER_RATE_LIMIT,
      HOUR,
      'Too many accounts registered from your network; try again later',
    );
    await this.limiter.consume(
      'register-site',
      'all',
      this.config.REGISTER_SITE_RATE_LIMIT,
      HOUR,
      'Registration is busy right now; try again later',
    );
    return true;
  }
}
