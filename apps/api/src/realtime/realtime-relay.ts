import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type { RedisClient } from '../infra/redis/redis-client.js';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import { createRedis } from '../infra/redis/redis.module.js';
import { channelPrefix } from './event-bus.js';

interface LocalPubSub {
  publish(event: { topic: string; payload: unknown }, callback?: () => void): void;
}

/**
 * API side of live updates: one Redis subscriber per process receives every event and
 * hands it to Mercurius's local pub/sub, which feeds this process's websocket subscribers.
 */
@Injectable()
export class RealtimeRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RealtimeRelay.name);
  private subscriber?: RedisClient;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter?.getInstance<
      FastifyInstance & { graphql?: { pubsub: LocalPubSub } }
    >();
    const pubsub = fastify?.graphql?.pubsub;
    if (!pubsub) return;
    const prefix = channelPrefix(this.config.REDIS_PREFIX);
    this.subscriber = createRedis(this.config, 'events');
    this.subscriber.on('pmessage', (_pattern: string, channel: string, message: string) => {
      try {
        pubsub.publish({ topic: channel.slice(prefix.length), payload: JSON.parse(message) as unknown });
      } catch (error) {
        this.logger.warn({ err: error, channel }, 'dropped a malformed event');
      }
    });
    await this.subscriber.psubscribe(`${prefix}*`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }
}
