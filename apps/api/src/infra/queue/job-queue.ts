import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { JobName, JobPayloads, JOBS, QueueName } from './jobs.js';

/** Typed producer: a job name fixes its queue, payload and options. */
@Injectable()
export class JobQueue {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly moduleRef: ModuleRef) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** A stable jobId makes re-adding the same work a no-op while the job exists. */
  add<N extends JobName>(name: N, payload: JobPayloads[N], jobId: string, options: JobsOptions = {}): Promise<Job> {
    const definition = JOBS[name];
    return this.queue(definition.queue).add(name, payload, { ...definition.options, ...options, jobId });
  }
}
