import type { CommentStatus } from '../../generated/prisma/enums.js';
import type { PrismaService } from '../../infra/prisma/prisma.service.js';
import type { OutboxEntry } from '../../infra/outbox/outbox.service.js';
import {
  mentionMessage,
  notificationWritesSql,
  publishedRecipientsSql,
  replyMessage,
  toWrites,
  writesJsonSql,
  type WrittenNotification,
} from '../../notifications/notification.writer.js';
import type { ModerationStatus } from '../pipeline/index.js';
import type { Applied } from './applied.js';
import { NO_ID, prepared } from '../../infra/prisma/prepared.js';
import { SITE_WIDE_COUNTS_SQL, toQueueCounts, type QueueCounts } from '../events/moderation-counts.service.js';
import { queuesOf, type ModerationQueue, type QueueState } from '../queues/queue-membership.js';
import { counterDeltas } from './counter-deltas.js';
import { DECISION_WRITES_SQL, decisionWriteValues } from './decision-writes.js';

/** What the pipeline's input read already knows about the comment. */
export interface PendingComment {
  id: string;
  threadId: string;
  articleId: string;
  authorId: string;
  authorName: string;
  openFlagCount: number;
  /** Handles the body mentions, lower-cased (mentionedHandles). */
  mentions: string[];
}

/**
 * The decision's writes (DECISION_WRITES_SQL, $1 to $18), then: $19 reply notification text,
 * $20 published, $21 mention notification text, $22 mentioned handles (lower-cased).
 */
const DECIDE_PENDING = prepared<{
  applied: number;
  counts: Record<string, number>;
  written: WrittenNotification[];
  mail: OutboxEntry[];
}>(
  'moderation.decide-pending',
  `
    WITH ${DECISION_WRITES_SQL}, ${notificationWritesSql(
      publishedRecipientsSql({
        gate: '$20::boolean AND EXISTS (SELECT 1 FROM decided)',
        comment: '$1::uuid',
        author: '$11::uuid',
        parentAuthor: '(SELECT parent."authorId" FROM decided JOIN "Comment" parent ON parent.id = decided."parentId")',
        handles: '$22::text[]',
        replyMessage: '$19::text',
        mentionMessage: '$21::text',
      }),
      '$8::timestamp',
    )}
    , counts AS (
      SELECT coalesce(jsonb_object_agg(queue, n), '{}') AS counts FROM (${SITE_WIDE_COUNTS_SQL}) q
    )
    SELECT (SELECT count(*)::int FROM decided) AS applied, counts.counts,
      ${writesJsonSql('(SELECT slug FROM "Article" WHERE id = $15::uuid)')}
    FROM counts`,
  [
    ...decisionWriteValues({
      commentId: NO_ID,
      from: 'PENDING',
      to: 'PUBLISHED',
      statusReason: 'OK',
      openFlagCount: null,
      reviewedAt: null,
      scores: '{}',
      now: new Date(0),
      threadId: NO_ID,
      authorId: NO_ID,
      deltas: { thread: 0, authorPublished: 0, authorRejected: 0 },
      resolveFlags: false,
      articleId: NO_ID,
      actorId: null,
      action: 'PIPELINE',
      auditReason: '',
    }),
    '',
    false,
    '',
    [],
  ],
);

export interface PipelineVerdict {
  status: ModerationStatus;
  reason: string;
  note: string | null;
  scores: object;
}

/**
 * The pipeline's decision on a PENDING comment as ONE statement — the hot path of every
 * comment posted. It writes what CommentDecisions.decide writes for a human decision (the
 * same DECISION_WRITES_SQL; then the reply and mention notifications of a published
 * comment), but the row lock and the status check are the UPDATE's own
 * `WHERE status = 'PENDING'`: a concurrent duplicate delivery or a moderator who got there
 * first makes it match nothing, and then every other part of the statement does nothing too.
 * A PENDING comment is in no queue and counted nowhere, so its state before is known. The
 * statement also reads the site-wide queue counts its moderation event carries.
 * Returns null when the comment was no longer PENDING.
 */
export async function applyPipelineDecision(
  prisma: PrismaService,
  comment: PendingComment,
  verdict: PipelineVerdict,
  now = new Date(),
): Promise<(Applied & { counts: QueueCounts }) | null> {
  const from: CommentStatus = 'PENDING';
  const reason = verdict.note ? `${verdict.reason}: ${verdict.note}` : verdict.reason;
  const published = verdict.status === 'PUBLISHED';
  const after: QueueState = {
    status: verdict.status,
    statusReason: verdict.reason,
    openFlagCount: comment.openFlagCount,
    reviewedAt: null,
  };
  const [row] = await prisma.run(DECIDE_PENDING, [
    ...decisionWriteValues({
      commentId: comment.id,
      from,
      to: verdict.status,
      statusReason: verdict.reason,
      // The pipeline holds no lock: flags filed meanwhile keep their count.
      openFlagCount: null,
      reviewedAt: null,
      scores: JSON.stringify(verdict.scores),
      now,
      threadId: comment.threadId,
      authorId: comment.authorId,
      deltas: counterDeltas(from, verdict.status),
      resolveFlags: false,
      articleId: comment.articleId,
      actorId: null,
      action: 'PIPELINE',
      auditReason: reason,
    }),
    replyMessage(comment.authorName),
    published,
    mentionMessage(comment.authorName),
    comment.mentions,
  ]);
  if (!row || row.applied === 0) return null;
  return {
    // The site-wide counts the moderation event carries, read in the same statement: as of its
    // snapshot, plus the queue this decision puts the comment in (its own delta is appended by
    // the trigger after the statement). A PENDING comment was in no queue.
    counts: withEntered(row.counts, queuesOf(after)),
    commentId: comment.id,
    articleId: comment.articleId,
    threadId: comment.threadId,
    authorId: comment.authorId,
    before: { status: from, statusReason: null, openFlagCount: comment.openFlagCount, reviewedAt: null },
    after,
    action: 'PIPELINE',
    actorId: null,
    notifications: toWrites(row),
  };
}

/** Counts as read, with the queues a comment entered. */
function withEntered(read: Record<string, number>, entered: readonly ModerationQueue[]): QueueCounts {
  const counts = toQueueCounts(read);
  for (const queue of entered) counts[queue] += 1;
  return counts;
}
