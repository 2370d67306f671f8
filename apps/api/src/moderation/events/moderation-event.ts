import type { CommentStatus } from '../../generated/prisma/enums.js';
import type { ModerationQueue } from '../queues/queue-membership.js';
import type { QueueCounts } from './moderation-counts.service.js';
import type { ModerationEventAction } from '../audit/audit-action.js';

/** What moderators' screens hear: a comment entered or left queues, and the new site-wide counts. */
export interface ModerationEvent {
  commentId: string;
  articleId: string;
  status: CommentStatus;
  previousStatus: CommentStatus | null;
  entered: ModerationQueue[];
  left: ModerationQueue[];
  /** What happened: PIPELINE, APPROVE, REJECT, HOLD, FLAG, FLAGS_THRESHOLD, FLAGS_RESOLVED, BAN. */
  action: ModerationEventAction;
  /** The moderator, or null for the system. */
  actorId: string | null;
  counts: QueueCounts;
  at: string;
}
