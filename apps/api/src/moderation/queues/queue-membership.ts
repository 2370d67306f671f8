import type { CommentStatus } from '../../generated/prisma/enums.js';
import type { Prisma } from '../../generated/prisma/client.js';

/** The moderators' queues: views over a comment's status, review and flags, not stored anywhere. */
export const MODERATION_QUEUES = ['PENDING', 'REPORTED', 'UNMODERATED', 'APPROVED', 'REJECTED'] as const;
export type ModerationQueue = (typeof MODERATION_QUEUES)[number];

/** statusReason of a comment hidden because enough readers flagged it. */
export const FLAGGED = 'FLAGGED';

export interface QueueState {
  status: CommentStatus;
  statusReason: string | null;
  openFlagCount: number;
  reviewedAt: Date | null;
}

/**
 * Which queues a comment is in:
 * - PENDING: held by the pipeline or pre-moderation (not the flag auto-hide, which is REPORTED);
 * - REPORTED: published with open flags, or hidden by flags;
 * - UNMODERATED / APPROVED: published, without / with a moderator's decision;
 * - REJECTED: rejected by the pipeline or a moderator.
 */
export function queuesOf(state: QueueState | null): ModerationQueue[] {
  if (!state) return [];
  const queues: ModerationQueue[] = [];
  const flaggedAway = state.status === 'HELD' && state.statusReason === FLAGGED;
  if (state.status === 'HELD' && !flaggedAway) queues.push('PENDING');
  if ((state.status === 'PUBLISHED' && state.openFlagCount > 0) || flaggedAway) queues.push('REPORTED');
  if (state.status === 'PUBLISHED') queues.push(state.reviewedAt ? 'APPROVED' : 'UNMODERATED');
  if (state.status === 'REJECTED') queues.push('REJECTED');
  return queues;
}

/** The queues a change made the comment enter and leave. */
export function queueChanges(
  before: QueueState | null,
  after: QueueState | null,
): { entered: ModerationQueue[]; left: ModerationQueue[] } {
  const was = queuesOf(before);
  const is = queuesOf(after);
  return { entered: is.filter((q) => !was.includes(q)), left: was.filter((q) => !is.includes(q)) };
}

/** The same rules as queuesOf, as a Prisma filter (kept side by side so they cannot drift apart). */
export function queueWhere(queue: ModerationQueue): Prisma.CommentWhereInput {
  switch (queue) {
    case 'PENDING':
      return { status: 'HELD', OR: [{ statusReason: null }, { statusReason: { not: FLAGGED } }] };
    case 'REPORTED':
      return {
        OR: [
          { status: 'PUBLISHED', openFlagCount: { gt: 0 } },
          { status: 'HELD', statusReason: FLAGGED },
        ],
      };
    case 'UNMODERATED':
      return { status: 'PUBLISHED', reviewedAt: null };
    case 'APPROVED':
      return { status: 'PUBLISHED', reviewedAt: { not: null } };
    case 'REJECTED':
      return { status: 'REJECTED' };
  }
}
