import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DEMO_MODE_WARNING, loadConfig } from './infra/config/env.js';
import { checkMailSettings, preflight } from './infra/preflight.js';
import { closeOnSignals } from './infra/shutdown.js';
import { explainStartupError } from './infra/startup-errors.js';
import { WorkerModule } from './worker.module.js';

/** The worker process: BullMQ processors, no HTTP. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  checkMailSettings(config);
  await preflight(config);
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  closeOnSignals(app, config.SHUTDOWN_TIMEOUT_MS, logger);
  if (config.DEMO_MODE) logger.warn(DEMO_MODE_WARNING);
  logger.log('worker started');
}

main().catch((error: unknown) => {
  process.stderr.write(`${explainStartupError(error)}\n`);
  process.exit(1);
});
