import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RedisClient } from './redis-client.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import { DomainError } from '../errors/domain-error.js';
import { REDIS } from './redis.module.js';

/** Warn about the fallback at most this often while RedisClient stays unreachable. */
const FALLBACK_WARNING_INTERVAL_MS = 30_000;
/** Expired windows are dropped once the in-memory table grows past this many keys. */
const PRUNE_ABOVE = 10_000;

/**
 * Fixed-window counters in Redis, shared by every API process. `consume` throws
 * RATE_LIMITED with the seconds to wait once a key has used up its window.
 *
 * While Redis cannot be reached the same limits are kept per process, in memory: a limit
 * neither blocks every request (fail closed) nor vanishes (fail open) during an outage.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly local = new Map<string, { count: number; resetAt: number }>();
  private lastWarningAt = 0;

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async consume(bucket: string, key: string, limit: number, windowSeconds: number, message?: string): Promise<void> {
    const redisKey = `${this.config.REDIS_PREFIX}:rl:${bucket}:${key}`;
    let counted: { count: number; ttl: number };
    try {
      counted = await this.countInRedis(redisKey, windowSeconds);
    } catch (error) {
      this.warnFallback(error);
      counted = this.countLocally(redisKey, windowSeconds);
    }
    if (counted.count > limit) {
      const retryAfter = counted.ttl > 0 ? counted.ttl : windowSeconds;
      throw new DomainError('RATE_LIMITED', message ?? `Too many requests; try again in ${retryAfter} s`, undefined, {
        retryAfterSeconds: retryAfter,
      });
    }
  }

  /**
   * Throws RATE_LIMITED while `key` has `limit` or more recorded failures (see `fail`),
   * without counting this call: checking costs nothing to an honest client.
   */
  async assertBelow(bucket: string, key: string, limit: number, message: string): Promise<void> {
    const redisKey = `${this.config.REDIS_PREFIX}:rl:${bucket}:${key}`;
    let counted: { count: number; ttl: number };
    try {
      const [count, ttl] = await Promise.all([this.redis.get(redisKey), this.redis.ttl(redisKey)]);
      counted = { count: Number(count ?? 0), ttl };
    } catch (error) {
      this.warnFallback(error);
      const window = this.local.get(redisKey);
      const live = window && window.resetAt > Date.now();
      counted = live
        ? { count: window.count, ttl: Math.ceil((window.resetAt - Date.now()) / 1000) }
        : { count: 0, ttl: 0 };
    }
    if (counted.count >= limit) {
      const retryAfter = Math.max(counted.ttl, 1);
      throw new DomainError('RATE_LIMITED', `${message}; try again in ${Math.ceil(retryAfter / 60)} min`, undefined, {
        retryAfterSeconds: retryAfter,
      });
    }
  }

  /**
   * Records one failure for `key`; the count lasts `windowSeconds` from the first failure, and
   * the failure that reaches `limit` starts a full window again (the lockout). True for that
   * one failure: the lockout starts now.
   */
  async fail(bucket: string, key: string, limit: number, windowSeconds: number): Promise<boolean> {
    const redisKey = `${this.config.REDIS_PREFIX}:rl:${bucket}:${key}`;
    try {
      const { count } = await this.countInRedis(redisKey, windowSeconds);
      if (count === limit) await this.redis.expire(redisKey, windowSeconds);
      return count === limit;
    } catch (error) {
      this.warnFallback(error);
      const { count } = this.countLocally(redisKey, windowSeconds);
      const window = this.local.get(redisKey);
      if (count === limit && window) window.resetAt = Date.now() + windowSeconds * 1000;
      return count === limit;
    }
  }

  async reset(bucket: string, key: string): Promise<void> {
    const redisKey = `${this.config.REDIS_PREFIX}:rl:${bucket}:${key}`;
    this.local.delete(redisKey);
    await this.redis.del(redisKey).catch((error: unknown) => this.warnFallback(error));
  }

  private async countInRedis(redisKey: string, windowSeconds: number): Promise<{ count: number; ttl: number }> {
    const replies = await this.redis.multi().incr(redisKey).ttl(redisKey).exec();
    const [[incrError, count], [ttlError, ttl]] = replies as [[Error | null, number], [Error | null, number]];
    if (incrError ?? ttlError) throw incrError ?? ttlError;
    if (ttl < 0) await this.redis.expire(redisKey, windowSeconds);
    return { count, ttl };
  }

  private countLocally(redisKey: string, windowSeconds: number): { count: number; ttl: number } {
    const now = Date.now();
    if (this.local.size > PRUNE_ABOVE) {
      for (const [k, w] of this.local) if (w.resetAt <= now) this.local.delete(k);
    }
    let window = this.local.get(redisKey);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowSeconds * 1000 };
      this.local.set(redisKey, window);
    }
    window.count += 1;
    return { count: window.count, ttl: Math.ceil((window.resetAt - now) / 1000) };
  }

  private warnFallback(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarningAt < FALLBACK_WARNING_INTERVAL_MS) return;
    this.lastWarningAt = now;
    this.logger.warn({ err: error }, 'RedisClient unreachable: rate limits are counted in this process only');
  }
}
