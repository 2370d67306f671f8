import { Inject, Injectable } from '@nestjs/common';
import type { RedisClient } from '../infra/redis/redis-client.js';
import type { CommentStatus } from '../generated/prisma/enums.js';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import { REDIS } from '../infra/redis/redis.module.js';

/** What changed in an article's discussion. */
export interface DiscussionEvent {
  type:
    | 'COMMENT_ADDED'
    | 'COMMENT_STATUS_CHANGED'
    | 'COMMENT_EDITED'
    | 'COMMENT_DELETED'
    | 'REACTIONS_CHANGED'
    | 'THREAD_REANCHORED'
    /** The article's state or discussion switches changed (articles/article-admin.service.ts). */
    | 'DISCUSSION_CHANGED';
  articleId: string;
  /** Null for events about the whole article (DISCUSSION_CHANGED). */
  threadId: string | null;
  commentId: string | null;
  /** Author of the comment, so events about PENDING/HELD comments reach only them. */
  authorId: string | null;
  status: CommentStatus | null;
}

/** Topics are the RedisClient channel names without the prefix, and the local pub/sub topics. */
export const articleTopic = (articleId: string): string => `article:${articleId}`;
export const MODERATION_TOPIC = 'moderation';
/** A user's own new notifications. */
export const notificationTopic = (userId: string): string => `notifications:${userId}`;

export const channelPrefix = (redisPrefix: string): string => `${redisPrefix}:events:`;

/**
 * Publishes events over Redis pub/sub so every API process (and so every subscriber,
 * whichever process holds its websocket) receives them; the worker publishes too.
 * Best effort: in the API the connection fails fast, so while Redis is down `publish`
 * rejects at once and callers drop the event rather than hold the request.
 */
@Injectable()
export class EventBus {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async publish(topic: string, payload: object): Promise<void> {
    await this.redis.publish(`${channelPrefix(this.config.REDIS_PREFIX)}${topic}`, JSON.stringify(payload));
  }

  async discussion(event: DiscussionEvent): Promise<void> {
    await this.publish(articleTopic(event.articleId), event);
  }
}
