import type { QueueState } from '../queues/queue-membership.js';
import type { AuditAction } from '../audit/audit-action.js';
import type { NotificationWrites } from '../../notifications/notification.writer.js';

/** A decision that changed a comment: who it was about, its state before and after, and by whom. */
export interface Applied {
  commentId: string;
  articleId: string;
  threadId: string;
  authorId: string | null;
  before: QueueState;
  after: QueueState;
  action: AuditAction;
  actorId: string | null;
  /** Notifications the decision wrote (announced live after commit) and their immediate mail's outbox rows. */
  notifications: NotificationWrites;
}
