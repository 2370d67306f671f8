import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext, Type } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { AppConfigModule } from '../infra/config/config.module.js';
import { OutboxModule } from '../infra/outbox/outbox.module.js';
import { PrismaModule } from '../infra/prisma/prisma.module.js';
import { QueueModule } from '../infra/queue/queue.module.js';
import { RedisModule } from '../infra/redis/redis.module.js';
import { ImportCoreModule } from '../imports/import-core.module.js';

/**
 * What `import` needs: config, database (with Redis, where read routing keeps its marks), the
 * import runners, and queue producers (a re-import that changes an article enqueues its
 * re-anchoring); no HTTP, no workers, no accounts or mail. In a file of its own, so that
 * `import` loads none of those modules.
 */
@Module({
  imports: [
    AppConfigModule,
    PrismaModule,
    RedisModule,
    QueueModule.forRoot({ withWorkers: false }),
    OutboxModule,
    ImportCoreModule,
  ],
})
export class CliImportModule {}

/** Runs `fn` in an application context of `module`, then closes it. */
export async function inContext<T>(module: Type, fn: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(module, { logger: ['error'] });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

export const withImportContext = <T>(fn: (app: INestApplicationContext) => Promise<T>): Promise<T> =>
  inContext(CliImportModule, fn);
