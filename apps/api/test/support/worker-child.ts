// The real worker as a separate process, for fault tests that kill it (see stalled-job spec).
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../../src/worker.module.js';

const app = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
await app.init();
process.stdout.write('worker ready\n');
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
