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
 * $1 status, $2 reason, $3 scores, $4 now, $5 comment, $6 thread delta, $7 thread,
 * $8 author published delta, $9 author rejected delta, $10 author, $11 article,
 * $12 audit reason, $13 reply notification text, $14 published, $15 mention notification text,
 * $16 mentioned handles (lower-cased).
 */
const DECIDE_PENDING = prepared<{
  applied: number;
  counts: Record<string, number>;
  written: WrittenNotification[];
  mail: OutboxEntry[];
}>(
  'moderation.decide-pending',
  `
    WITH decided AS (
      UPDATE "Comment"
      SET status = $1::text::"CommentStatus", "statusReason" = $2, "reviewedAt" = NULL,
          "moderationScores" = $3::jsonb, "updatedAt" = $4::timestamp
      WHERE id = $5::uuid AND status = 'PENDING'
      RETURNING id, "parentId"
    ), thread AS (
      UPDATE "Thread" SET "commentCount" = "commentCount" + $6::int, "updatedAt" = $4::timestamp
      FROM decided WHERE "Thread".id = $7::uuid AND $6::int <> 0
    ), author AS (
      UPDATE "User"
      SET "commentCount" = "commentCount" + $8::int, "rejectedCount" = "rejectedCount" + $9::int,
          "updatedAt" = $4::timestamp
      FROM decided
      WHERE "User".id = $10::uuid AND ($8::int <> 0 OR $9::int <> 0)
    ), audit AS (
      INSERT INTO "ModerationAction"
        (id, "commentId", "articleId", "targetUserId", "actorId", action, reason, "fromStatus", "toStatus", "createdAt")
      SELECT gen_random_uuid(), decided.id, $11::uuid, $10::uuid, NULL, 'PIPELINE',
        $12::text, 'PENDING', $1::text::"CommentStatus", $4::timestamp
      FROM decided
    ), ${notificationWritesSql(
      publishedRecipientsSql({
        gate: '$14::boolean AND EXISTS (SELECT 1 FROM decided)',
        comment: '$5::uuid',
        author: '$10::uuid',
        parentAuthor: '(SELECT parent."authorId" FROM decided JOIN "Comment" parent ON parent.id = decided."parentId")',
        handles: '$16::text[]',
        replyMessage: '$13::text',
        mentionMessage: '$15::text',
      }),
      '$4::timestamp',
    )}
    , counts AS (
      SELECT coalesce(jsonb_object_agg(queue, n), '{}') AS counts FROM (${SITE_WIDE_COUNTS_SQL}) q
    )
    SELECT (SELECT count(*)::int FROM decided) AS applied, counts.counts,
      ${writesJsonSql('(SELECT slug FROM "Article" WHERE id = $11::uuid)')}
    FROM counts`,
  ['PUBLISHED', 'OK', '{}', new Date(0).toISOString(), NO_ID, 0, NO_ID, 0, 0, NO_ID, NO_ID, '', '', false, '', []],
);

export interface PipelineVerdict {
  status: ModerationStatus;
  reason: string;
  note: string | null;
  scores: object;
}

/**
 * The pipeline's decision on a PENDING comment as ONE statement — the hot path of every
 * comment posted. It does what CommentDecisions.decide does for a human decision (status,
 * reason and scores; thread and author counters; audit row; the reply and mention
 * notifications of a published comment), but the row lock and the status check are the UPDATE's own
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
  const deltas = counterDeltas(from, verdict.status);
  const reason = verdict.note ? `${verdict.reason}: ${verdict.note}` : verdict.reason;
  const published = verdict.status === 'PUBLISHED';
  const after: QueueState = {
    status: verdict.status,
    statusReason: verdict.reason,
    openFlagCount: comment.openFlagCount,
    reviewedAt: null,
  };
  const [row] = await prisma.run(DECIDE_PENDING, [
    verdict.status,
    verdict.reason,
    JSON.stringify(verdict.scores),
    now.toISOString(),
    comment.id,
    deltas.thread,
    comment.threadId,
    deltas.authorPublished,
    deltas.authorRejected,
    comment.authorId,
    comment.articleId,
    reason,
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
