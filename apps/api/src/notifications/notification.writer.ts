import type { Prisma } from '../generated/prisma/client.js';

/** Human-readable labels of the statusReason codes an author may see in a notification. */
const REJECTION_LABELS: Record<string, string> = {
  REJECTED_SPAM: 'spam',
  REJECTED_ABUSE: 'abuse',
  REJECTED_OFFENSIVE: 'offensive',
  REJECTED_OFF_TOPIC: 'off topic',
  REJECTED_MISINFORMATION: 'misinformation',
  REJECTED_OTHER: 'other',
};

export const replyMessage = (replierName: string): string => `${replierName} replied to your comment`;

/**
 * Notifications are written in the same transaction as the decision that causes them, so a
 * reader is told exactly once, and never about a change that was rolled back.
 */
export async function notifyReply(
  tx: Prisma.TransactionClient,
  { recipientId, replyId, replierName }: { recipientId: string; replyId: string; replierName: string },
): Promise<void> {
  // A reply can be published, hidden and published again: tell its parent's author once.
  const already = await tx.notification.findFirst({
    where: { userId: recipientId, kind: 'REPLY', commentId: replyId },
    select: { id: true },
  });
  if (already) return;
  await tx.notification.create({
    data: { userId: recipientId, kind: 'REPLY', commentId: replyId, message: replyMessage(replierName) },
  });
}

export async function notifyModerationOutcome(
  tx: Prisma.TransactionClient,
  {
    recipientId,
    commentId,
    outcome,
    reason,
  }: {
    recipientId: string;
    commentId: string;
    outcome: 'APPROVED' | 'REJECTED';
    reason: string | null;
  },
): Promise<void> {
  const label = reason ? REJECTION_LABELS[reason] : undefined;
  const message =
    outcome === 'APPROVED'
      ? 'A moderator approved your comment; it is now published'
      : `A moderator rejected your comment${label ? ` (${label})` : ''}`;
  await tx.notification.create({ data: { userId: recipientId, kind: 'MODERATION', commentId, message } });
}
