import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { CommentStatus } from '../generated/prisma/enums.js';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import { REDIS } from '../infra/redis/redis.module.js';

/** What changed in an article's discussion. Delivered to every API process over Redis pub/sub. */
export interface DiscussionEvent {
  type: 'COMMENT_ADDED' | 'COMMENT_STATUS_CHANGED' | 'COMMENT_EDITED' | 'COMMENT_DELETED' | 'REACTIONS_CHANGED';
  articleId: string;
  threadId: string;
  commentId: string;
  /** Author of the comment, so PENDING/HELD events reach only them. */
  authorId: string | null;
  status: CommentStatus;
}

export const eventChannel = (prefix: string, articleId: string): string => `${prefix}:events:article:${articleId}`;

@Injectable()
export class EventBus {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async publish(event: DiscussionEvent): Promise<void> {
    await this.redis.publish(eventChannel(this.config.REDIS_PREFIX, event.articleId), JSON.stringify(event));
  }
}
