import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import type { RedisClient } from '../infra/redis/redis-client.js';
import { createRedis } from '../infra/redis/redis.module.js';
import { channelPrefix, type DiscussionEvent } from '../realtime/event-bus.js';
import { DigestService } from './digest.service.js';

/** Events that may change what the published discussion says. */
const CHANGES: ReadonlySet<DiscussionEvent['type']> = new Set([
  'COMMENT_ADDED',
  'COMMENT_STATUS_CHANGED',
  'COMMENT_EDITED',
  'COMMENT_DELETED',
]);

/**
 * Worker side: listens to the articles' discussion events (the ones readers' live views get)
 * and schedules a digest rebuild when a comment is published, edited, hidden or deleted. An
 * event missed while the worker was away is caught up by the next change, and an article
 * without a digest asks for one when first read (DigestService.read).
 */
@Injectable()
export class DigestTrigger implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DigestTrigger.name);
  private subscriber?: RedisClient;

  constructor(
    private readonly digests: DigestService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const prefix = channelPrefix(this.config.REDIS_PREFIX);
    this.subscriber = createRedis(this.config, 'digest-events');
    this.subscriber.on('pmessage', (_pattern: string, _channel: string, message: string) => {
      let event: DiscussionEvent;
      try {
        event = JSON.parse(message) as DiscussionEvent;
      } catch {
        return;
      }
      // A new comment is PENDING until moderation publishes it (a status change).
      if (!CHANGES.has(event.type) || (event.type === 'COMMENT_ADDED' && event.status !== 'PUBLISHED')) return;
      this.digests
        .schedule(event.articleId)
        .catch((error: unknown) =>
          this.logger.warn({ err: error, articleId: event.articleId }, 'digest not scheduled'),
        );
    });
    await this.subscriber.psubscribe(`${prefix}article:*`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }
}
