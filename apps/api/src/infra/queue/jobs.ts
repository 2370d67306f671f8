import type { JobsOptions } from 'bullmq';

/**
 * Every queue, job name, payload type and job option lives here. The worker refuses to
 * boot when a job name below has no handler, or more than one.
 */
export const QUEUES = ['moderation', 'import', 'reanchor'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface JobPayloads {
  'moderate-comment': { commentId: string };
  'import-article': { importJobId: string };
  /** Move the article's anchored threads onto this revision; idempotent per (article, revision). */
  'reanchor-article': { articleId: string; revisionId: string };
}
export type JobName = keyof JobPayloads;

interface JobDefinition {
  queue: QueueName;
  /** Why retries help (transient) or do not (the job is discarded after the first failure). */
  options: JobsOptions;
}

const retrying = (attempts: number): JobsOptions => ({
  attempts,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
});

export const JOBS: Record<JobName, JobDefinition> = {
  'moderate-comment': { queue: 'moderation', options: retrying(8) },
  'import-article': { queue: 'import', options: { ...retrying(3), removeOnComplete: { age: 24 * 3600 } } },
  // Transient database failures are worth retrying; the handler skips threads already moved.
  'reanchor-article': { queue: 'reanchor', options: retrying(5) },
};

export const JOB_NAMES = Object.keys(JOBS) as JobName[];
