import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { AuthService } from '../auth/auth.service.js';
import { JwtModule } from '@nestjs/jwt';
import { AppConfigModule } from '../infra/config/config.module.js';
import { PrismaModule } from '../infra/prisma/prisma.module.js';
import { ImportWorkerModule } from '../imports/import.module.js';

/** What CLI commands need: config, database and the import runner; no HTTP, no queues. */
@Module({
  imports: [AppConfigModule, PrismaModule, ImportWorkerModule, JwtModule.register({})],
  providers: [AuthService],
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
