import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { RedisOptions as QueueRedisOptions } from 'bullmq';
import { APP_CONFIG } from '../config/config.module.js';
import { loadConfig, type AppConfig } from '../config/env.js';
import { connectRedis, queuePrefixOf, sentinelOptionsOf, type RedisClient } from '../redis/redis-client.js';
import { FAIL_FAST_OPTIONS } from '../redis/redis.module.js';
import { JobQueue } from './job-queue.js';
import { JobRegistry } from './job-registry.js';
import { QUEUES } from './jobs.js';
import { processorFor } from './queue-processor.js';

const queues = BullModule.registerQueue(...QUEUES.map((name) => ({ name })));

const WITH_WORKERS = Symbol('WITH_WORKERS');

/**
 * The queues' connection on a Redis Cluster (BullMQ takes a cluster as a client, not as
 * options), closed when the process shuts down: BullMQ leaves a client it was given open.
 * On a single server BullMQ connects from options and closes its own connections.
 */
@Injectable()
export class QueueConnection implements OnApplicationShutdown {
  readonly cluster: RedisClient | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(WITH_WORKERS) withWorkers: boolean) {
    this.cluster = config.REDIS_CLUSTER_NODES.trim()
      ? connectRedis(config, withWorkers ? { maxRetriesPerRequest: null } : FAIL_FAST_OPTIONS)
      : null;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.cluster?.quit().catch(() => this.cluster?.disconnect());
  }
}

@Module({})
class QueueConnectionModule {
  static forRoot(withWorkers: boolean): DynamicModule {
    return {
      module: QueueConnectionModule,
      providers: [{ provide: WITH_WORKERS, useValue: withWorkers }, QueueConnection],
      exports: [QueueConnection],
    };
  }
}

/** Producers everywhere; processors only when `withWorkers` (the worker process). */
@Global()
@Module({})
export class QueueModule {
  static forRoot({ withWorkers }: { withWorkers: boolean }): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        DiscoveryModule,
        BullModule.forRootAsync({
          imports: [QueueConnectionModule.forRoot(withWorkers)],
          inject: [APP_CONFIG, QueueConnection],
          useFactory: (config: AppConfig, shared: QueueConnection) => {
            // One server, or the primary the Sentinels name (BullMQ asks them itself).
            const server: QueueRedisOptions = sentinelOptionsOf(config) ?? { url: config.REDIS_URL };
            return {
              // Workers block on Redis and must wait out an outage (BullMQ requires
              // maxRetriesPerRequest: null); the API only adds jobs, and an add that cannot be
              // made now must fail at once so the request is answered and the outbox relay retries.
              connection: shared.cluster
                ? shared.cluster
                : withWorkers
                  ? { ...server, maxRetriesPerRequest: null }
                  : { ...server, ...FAIL_FAST_OPTIONS },
              prefix: queuePrefixOf(config),
            };
          },
        }),
        queues,
      ],
      providers: [
        JobQueue,
        ...(withWorkers
          ? [
              JobRegistry,
              ...QUEUES.map((q) => {
                const { concurrency, ...timings } = workerOptions();
                return processorFor(q, q === 'moderation' ? concurrency : 2, timings);
              }),
            ]
          : []),
      ],
      exports: [JobQueue, queues],
    };
  }
}

/**
 * Moderation concurrency and the lock and stall timings of the workers, from the
 * configuration. Read when the worker module is declared (the @Processor options are fixed
 * then); an invalid configuration is reported by the process when it boots, so here it
 * just falls back to the defaults.
 */
function workerOptions(): { concurrency: number; lockDuration?: number; stalledInterval?: number } {
  try {
    const config = loadConfig(process.env);
    return {
      concurrency: config.MODERATION_CONCURRENCY,
      lockDuration: config.QUEUE_LOCK_DURATION_MS,
      stalledInterval: config.QUEUE_STALLED_INTERVAL_MS,
    };
  } catch {
    return { concurrency: 8 };
  }
}
