import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { APP_CONFIG } from '../config/config.module.js';
import { loadConfig, type AppConfig } from '../config/env.js';
import { FAIL_FAST_OPTIONS } from '../redis/redis.module.js';
import { JobQueue } from './job-queue.js';
import { JobRegistry } from './job-registry.js';
import { QUEUES } from './jobs.js';
import { processorFor } from './queue-processor.js';

const queues = BullModule.registerQueue(...QUEUES.map((name) => ({ name })));

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
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            // Workers block on Redis and must wait out an outage (BullMQ requires
            // maxRetriesPerRequest: null); the API only adds jobs, and an add that cannot be
            // made now must fail at once so the request is answered and the outbox relay retries.
            connection: withWorkers
              ? { url: config.REDIS_URL, maxRetriesPerRequest: null }
              : { url: config.REDIS_URL, ...FAIL_FAST_OPTIONS },
            prefix: `${config.REDIS_PREFIX}:bull`,
          }),
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
