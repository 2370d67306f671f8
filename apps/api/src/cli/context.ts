import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { AccountMailModule } from '../accounts/account-mail.module.js';
import { AuthService } from '../auth/auth.service.js';
import { RefreshTokenService } from '../auth/refresh-token.service.js';
import { JwtModule } from '@nestjs/jwt';
import { AppConfigModule } from '../infra/config/config.module.js';
import { OutboxModule } from '../infra/outbox/outbox.module.js';
import { PrismaModule } from '../infra/prisma/prisma.module.js';
import { QueueModule } from '../infra/queue/queue.module.js';
import { ImportCoreModule } from '../imports/import.module.js';

/**
 * What CLI commands need: config, database, the import runner, and queue producers (a
 * re-import that changes an article enqueues its re-anchoring); no HTTP, no workers.
 */
@Module({
  imports: [
    AppConfigModule,
    PrismaModule,
    QueueModule.forRoot({ withWorkers: false }),
    OutboxModule,
    ImportCoreModule,
    JwtModule.register({}),
    AccountMailModule,
  ],
  providers: [AuthService, RefreshTokenService],
})
class CliModule {}

export async function withContext<T>(fn: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}
