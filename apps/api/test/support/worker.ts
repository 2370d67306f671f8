import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { JobQueue } from '../../src/infra/queue/job-queue.js';
import { WorkerModule } from '../../src/worker.module.js';

/**
 * The real worker (BullMQ processors and outbox relay) inside the test process. Its `email`
 * queue is paused unless `mail` is asked for: every registration queues a verification
 * message, and sending it would interleave with what a spec counts (statements, log lines).
 */
export async function startWorker({ mail = false }: { mail?: boolean } = {}): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  await app.init();
  const email = app.get(JobQueue).queue('email');
  if (mail) await email.resume();
  else await email.pause();
  return app;
}
