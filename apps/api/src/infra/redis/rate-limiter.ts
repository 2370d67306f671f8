import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import { DomainError } from '../errors/domain-error.js';
import { REDIS } from './redis.module.js';

/**
 * Fixed-window counters in Redis, shared by every API process. `consume` throws
 * RATE_LIMITED with the seconds to wait once a key has used up its window.
 */
@Injectable()
export class RateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async consume(bucket: string, key: string, limit: number, windowSeconds: number, message?: string): Promise<void> {
    const redisKey = `${this.config.REDIS_PREFIX}:rl:${bucket}:${key}`;
    const [[, count], [, ttl]] = (await this.redis.multi().incr(redisKey).ttl(redisKey).exec()) as [
      [Error | null, number],
      [Error | null, number],
    ];
    if (ttl < 0) await this.redis.expire(redisKey, windowSeconds);
    if (count > limit) {
      const retryAfter = ttl > 0 ? ttl : windowSeconds;
      throw new DomainError('RATE_LIMITED', message ?? `Too many requests; try again in ${retryAfter} s`, undefined, {
        retryAfterSeconds: retryAfter,
      });
    }
  }

  async reset(bucket: string, key: string): Promise<void> {
    await this.redis.del(`${this.config.REDIS_PREFIX}:rl:${bucket}:${key}`);
  }
}
