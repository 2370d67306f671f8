import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { RedisOptions } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import { connectRedis, type RedisClient } from './redis-client.js';

export const REDIS = Symbol('REDIS');

/**
 * A connection that waits out an outage: commands are queued while Redis is away and sent
 * once it is back. Right for subscribers (ioredis resubscribes on reconnect) and for the
 * worker, which has nothing to answer in the meantime.
 */
export function createRedis(config: AppConfig, name: string, options: RedisOptions = {}): RedisClient {
  return connectRedis(config, {
    connectionName: `marginalia-${name}`,
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    ...options,
  });
}

/**
 * The commands connection sends what the process asks for in one turn of its event loop as
 * one write (a worker announcing a batch of decisions publishes an event per comment): fewer
 * system calls and packets, the same commands in the same order.
 */
const COMMANDS_OPTIONS = { enableAutoPipelining: true } as const satisfies RedisOptions;

/** How long a command may wait for its reply on a connection that must answer requests. */
export const FAIL_FAST_COMMAND_TIMEOUT_MS = 1000;

/**
 * Options for a connection that serves requests: while Redis is away a command fails at once
 * (no offline queue) and one lost on a dead socket fails after a second, so callers fall back
 * (rate limits in memory, events dropped, jobs left to the outbox relay) instead of hanging
 * the request. The connection itself keeps reconnecting.
 */
export const FAIL_FAST_OPTIONS = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  commandTimeout: FAIL_FAST_COMMAND_TIMEOUT_MS,
} as const satisfies RedisOptions;

/** The commands connection of a process that answers HTTP requests: it fails fast. */
export async function createFailFastRedis(
  config: AppConfig,
  name: string,
  readyWithinMs = 5000,
  options: RedisOptions = {},
): Promise<RedisClient> {
  const redis = connectRedis(config, { connectionName: `marginalia-${name}`, ...FAIL_FAST_OPTIONS, ...options });
  // Without an offline queue, commands sent before the first connection is ready would fail:
  // give it a moment at boot (preflight has already checked that Redis answers).
  await new Promise<void>((resolve) => {
    if (redis.status === 'ready') return resolve();
    const timer = setTimeout(resolve, readyWithinMs);
    timer.unref();
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return redis;
}

/**
 * A shared Redis connection for commands (rate limits, caches, publishing). In a process
 * that serves HTTP (the API) it fails fast while Redis is down, so no request waits for
 * Redis; in the worker and the CLI it waits for Redis to come back.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG, HttpAdapterHost],
      useFactory: (config: AppConfig, host: HttpAdapterHost) =>
        host.httpAdapter
          ? createFailFastRedis(config, 'commands', undefined, COMMANDS_OPTIONS)
          : createRedis(config, 'commands', COMMANDS_OPTIONS),
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
