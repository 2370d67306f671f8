import type { JobsOptions } from 'bullmq';

/**
 * Every queue, job name, payload type and job option lives here. The worker refuses to
 * boot when a job name below has no handler, or more than one.
 */
export const QUEUES = ['moderation', 'import', 'reanchor', 'flags', 'maintenance', 'email'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface JobPayloads {
  'moderate-comment': { commentId: string };
  'import-article': { importJobId: string };
  /** Imports an uploaded site history (WordPress WXR, Disqus export) from its file on disk. */
  'import-history': { importJobId: string };
  /** Move the article's anchored threads onto this revision; idempotent per (article, revision). */
  'reanchor-article': { articleId: string; revisionId: string };
  /** Re-counts a comment's open flags and hides it past the threshold. */
  'evaluate-flags': { commentId: string };
  /** After a ban: rejects every pending, held and published comment of the user. */
  'reject-user-comments': { userId: string; actorId: string; reason: string };
  /** Lifts a timed suspension or ban when it runs out (enqueued with a delay until then). */
  'end-sanction': { userId: string; until: string };
  /** Closes an article's discussion at its closing time (enqueued with a delay until then). */
  'close-discussion': { articleId: string; at: string };
  /** Sends one stored OutgoingMail row (mail/mail.service.ts); a row already SENT is not sent again. */
  'send-mail': { mailId: string };
  /** Mails one notification (its recipient wants each at once); checks, at send time, that they may still see it. */
  'notification-mail': { notificationId: string };
  /** Rebuilds an article's digest of what readers are saying (delayed to the end of its debounce window). */
  'build-digest': { articleId: string };
  /** Repeated every quarter hour: staff's queue summaries (and digests) for those whose morning came. */
  'daily-notifications': Record<string, never>;
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
  // A retry resumes: what an interrupted run wrote is found again by its source ids.
  'import-history': { queue: 'import', options: { ...retrying(3), removeOnComplete: { age: 24 * 3600 } } },
  // Transient database failures are worth retrying; the handler skips threads already moved.
  'reanchor-article': { queue: 'reanchor', options: retrying(5) },
  // Idempotent: re-counting flags or rejecting what is left of a banned user's comments is safe to repeat.
  'evaluate-flags': { queue: 'flags', options: retrying(8) },
  'reject-user-comments': { queue: 'maintenance', options: retrying(5) },
  'end-sanction': { queue: 'maintenance', options: retrying(5) },
  // Idempotent: closing compares the closing time, so a second run closes nothing.
  'close-discussion': { queue: 'maintenance', options: retrying(5) },
  // A mail server that is down or answers 4xx is waited out: 12 attempts, 1 s doubling, about
  // 68 minutes in all. A 5xx answer fails at once (mail/mail.processor.ts). The handler sends
  // a stored row and skips one already SENT, so a second delivery of the job sends nothing.
  'send-mail': {
    queue: 'email',
    options: { ...retrying(12), backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: { age: 24 * 3600 } },
  },
  // Renders and queues a send-mail job; a second delivery finds the message's key taken.
  'notification-mail': { queue: 'email', options: retrying(8) },
  // Rebuilding reads the comments as they are then, so a retry or a second run is harmless.
  'build-digest': { queue: 'maintenance', options: retrying(3) },
  // Each run does what is due and skips what is done, so a failed run is simply the next one.
  'daily-notifications': {
    queue: 'maintenance',
    options: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { age: 7 * 24 * 3600 } },
  },
};

export const JOB_NAMES = Object.keys(JOBS) as JobName[];
