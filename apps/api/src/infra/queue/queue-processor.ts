import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, Type } from '@nestjs/common';
import { Job, UnrecoverableError, type WorkerOptions } from 'bullmq';
import { JobRegistry } from './job-registry.js';
import { PermanentJobError } from './job-handler.js';
import type { QueueName } from './jobs.js';

/** One BullMQ worker per queue, dispatching each job to its registered handler. */
export function processorFor(
  queue: QueueName,
  concurrency: number,
  timings: Pick<WorkerOptions, 'lockDuration' | 'stalledInterval'> = {},
): Type<WorkerHost> {
  @Processor(queue, { concurrency, ...timings })
  class QueueProcessor extends WorkerHost {
    readonly logger = new Logger(`queue:${queue}`);

    constructor(readonly registry: JobRegistry) {
      super();
    }

    async process(job: Job): Promise<unknown> {
      const handler = this.registry.handler(job.name);
      if (!handler) throw new UnrecoverableError(`No handler for job ${job.name}`);
      try {
        return await handler(job.data as never, job as never);
      } catch (error) {
        if (error instanceof PermanentJobError) throw new UnrecoverableError(error.message);
        this.logger.warn({ err: error, jobId: job.id, attempt: job.attemptsMade + 1 }, `job ${job.name} failed`);
        throw error;
      }
    }
  }
  Object.defineProperty(QueueProcessor, 'name', { value: `${queue}Processor` });
  return QueueProcessor;
}
