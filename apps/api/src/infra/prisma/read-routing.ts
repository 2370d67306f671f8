import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import { REDIS } from '../redis/redis.module.js';
import type { RedisClient } from '../redis/redis-client.js';
import { toleratingLag } from './lag-tolerance.js';

/**
 * Who may read from a replica. A reader who has not written lately cannot tell a replica
 * seconds behind from the primary; one who just posted must see the post. So a signed-in
 * user's writes mark them in Redis for DATABASE_REPLICA_STICKY_SECONDS (shared by every API
 * process, whichever one serves the next request), and their lag-tolerant reads go to the
 * primary while the mark lasts. Anonymous readers write nothing a replica could hide.
 */
@Injectable()
export class ReadRouting {
  private readonly logger = new Logger(ReadRouting.name);
  private readonly enabled: boolean;
  private readonly stickySeconds: number;
  private readonly prefix: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {
    this.enabled = config.DATABASE_REPLICA_URLS.trim() !== '';
    this.stickySeconds = config.DATABASE_REPLICA_STICKY_SECONDS;
    this.prefix = `${config.REDIS_PREFIX}:wrote:`;
  }

  /** Runs a read that tolerates lag unless the viewer wrote within the sticky window. */
  async mayLag<T>(viewerId: string | null, read: () => Promise<T>): Promise<T> {
    if (!this.enabled || (viewerId && (await this.wroteLately(viewerId)))) return read();
    return toleratingLag(read);
  }

  /** Called before a signed-in user's write runs, so no read of theirs can get ahead of it. */
  async writing(viewerId: string): Promise<void> {
    if (!this.enabled) return;
    try {
      await this.redis.set(this.prefix + viewerId, '1', 'EX', this.stickySeconds);
    } catch (error) {
      // wroteLately fails the same way while Redis is away: the reads stay on the primary.
      this.logger.warn({ err: error }, 'could not record a write for read-your-own-writes');
    }
  }

  private async wroteLately(viewerId: string): Promise<boolean> {
    try {
      return (await this.redis.exists(this.prefix + viewerId)) === 1;
    } catch {
      return true;
    }
  }
}
