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
import { prepared } from '../../infra/prisma/prepared.js';
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

/** One decision of a batch, as the statement reads it (jsonb_to_recordset). */
interface BatchItem {
  id: string;
  status: ModerationStatus;
  reason: string;
  scores: object;
  threadId: string;
  threadDelta: number;
  authorId: string;
  publishedDelta: number;
  rejectedDelta: number;
  articleId: string;
  auditReason: string;
  published: boolean;
  replyMessage: string;
  mentionMessage: string;
  handles: string[];
}

/**
 * The pipeline's decisions on PENDING comments, any number of them, as ONE statement: $1 the
 * decisions (a JSON array of BatchItem), $2 now, $3 the decisions' comment ids. It writes what DECISION_WRITES_SQL writes
 * for one decision (status, reason, review mark cleared, scores; thread and author counters,
 * summed per thread and author; the audit row) and then the reply and mention notifications
 * of the published ones (publishedRecipientsSql, per comment). The row lock and the status
 * check are the UPDATE's own `WHERE status = 'PENDING'`: a comment a duplicate delivery or a
 * moderator decided first matches nothing, and nothing else is written for it. The pipeline
 * resolves no flags and keeps the open flag count (it holds no lock while flags come in).
 */
const DECIDE_PENDING = prepared<{
  applied: string[];
  counts: Record<string, number>;
  written: WrittenNotification[];
  mail: OutboxEntry[];
}>(
  'moderation.decide-pending',
  `
    WITH input AS (
      SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(
        id uuid, status text, reason text, scores jsonb, "threadId" uuid, "threadDelta" int, "authorId" uuid,
        "publishedDelta" int, "rejectedDelta" int, "articleId" uuid, "auditReason" text, published boolean,
        "replyMessage" text, "mentionMessage" text, handles jsonb)
    ), decided AS (
      UPDATE "Comment" c
      SET status = i.status::"CommentStatus", "statusReason" = i.reason, "reviewedAt" = NULL,
          "moderationScores" = i.scores, "updatedAt" = $2::timestamp
      FROM input i
      -- The ids again as an array: the planner then reads the comments by primary key, where
      -- joining the recordset alone (estimated at 100 rows) it read every PENDING comment.
      WHERE c.id = ANY($3::uuid[]) AND c.id = i.id AND c.status = 'PENDING'
      RETURNING c.id, c."parentId"
    ), thread AS (
      UPDATE "Thread" t SET "commentCount" = t."commentCount" + d.n, "updatedAt" = $2::timestamp
      FROM (
        SELECT i."threadId", sum(i."threadDelta")::int AS n FROM decided JOIN input i USING (id)
        GROUP BY i."threadId" HAVING sum(i."threadDelta") <> 0
      ) d
      WHERE t.id = d."threadId"
    ), author AS (
      UPDATE "User" u
      SET "commentCount" = u."commentCount" + d.published, "rejectedCount" = u."rejectedCount" + d.rejected,
          "updatedAt" = $2::timestamp
      FROM (
        SELECT i."authorId", sum(i."publishedDelta")::int AS published, sum(i."rejectedDelta")::int AS rejected
        FROM decided JOIN input i USING (id)
        GROUP BY i."authorId" HAVING sum(i."publishedDelta") <> 0 OR sum(i."rejectedDelta") <> 0
      ) d
      WHERE u.id = d."authorId"
    ), audit AS (
      INSERT INTO "ModerationAction"
        (id, "commentId", "articleId", "targetUserId", "actorId", action, reason, "fromStatus", "toStatus", "createdAt")
      SELECT gen_random_uuid(), d.id, i."articleId", i."authorId", NULL, 'PIPELINE', i."auditReason",
        'PENDING', i.status::"CommentStatus", $2::timestamp
      FROM decided d JOIN input i USING (id)
    ), ${notificationWritesSql(
      `SELECT r.* FROM decided d JOIN input i USING (id) CROSS JOIN LATERAL (${publishedRecipientsSql({
        gate: 'i.published',
        comment: 'd.id',
        author: 'i."authorId"',
        parentAuthor: '(SELECT parent."authorId" FROM "Comment" parent WHERE parent.id = d."parentId")',
        handles: 'ARRAY(SELECT jsonb_array_elements_text(i.handles))',
        replyMessage: 'i."replyMessage"',
        mentionMessage: 'i."mentionMessage"',
      })}) r`,
      '$2::timestamp',
    )}
    , counts AS (
      SELECT coalesce(jsonb_object_agg(queue, n), '{}') AS counts FROM (${SITE_WIDE_COUNTS_SQL}) q
    )
    SELECT ARRAY(SELECT id::text FROM decided) AS applied, counts.counts,
      ${writesJsonSql('(SELECT a.slug FROM input i JOIN "Article" a ON a.id = i."articleId" WHERE i.id = w."commentId")')}
    FROM counts`,
  ['[]', new Date(0).toISOString(), []],
);

export interface PipelineVerdict {
  status: ModerationStatus;
  reason: string;
  note: string | null;
  scores: object;
}

export interface PendingDecision {
  comment: PendingComment;
  verdict: PipelineVerdict;
}

/**
 * The pipeline's decisions on PENDING comments as ONE statement — the hot path of every
 * comment posted (the moderation jobs running at once write theirs together). A PENDING
 * comment is in no queue and counted nowhere, so its state before is known. The statement
 * also reads the site-wide queue counts the moderation events carry. Returns the decisions
 * applied, by comment id (a comment no longer PENDING has none), and those counts.
 */
export async function applyPipelineDecisions(
  prisma: PrismaService,
  decisions: readonly PendingDecision[],
  now = new Date(),
): Promise<{ applied: Map<string, Applied>; counts: QueueCounts }> {
  // One decision per comment, the first: of two for the same comment (a duplicate delivery in
  // the same batch) only one could apply.
  const unique = [...new Map([...decisions].reverse().map((d) => [d.comment.id, d])).values()];
  const items: BatchItem[] = unique.map(({ comment, verdict }) => {
    const deltas = counterDeltas('PENDING', verdict.status);
    return {
      id: comment.id,
      status: verdict.status,
      reason: verdict.reason,
      scores: verdict.scores,
      threadId: comment.threadId,
      threadDelta: deltas.thread,
      authorId: comment.authorId,
      publishedDelta: deltas.authorPublished,
      rejectedDelta: deltas.authorRejected,
      articleId: comment.articleId,
      auditReason: verdict.note ? `${verdict.reason}: ${verdict.note}` : verdict.reason,
      published: verdict.status === 'PUBLISHED',
      replyMessage: replyMessage(comment.authorName),
      mentionMessage: mentionMessage(comment.authorName),
      handles: comment.mentions,
    };
  });
  const [row] = await prisma.run(DECIDE_PENDING, [
    JSON.stringify(items),
    now.toISOString(),
    items.map((i) => i.id),
  ]);
  const decided = new Set(row?.applied ?? []);
  const { notified, mail } = toWrites(row);
  const commentOf = new Map(notified.map((n) => [n.id, n.commentId]));
  const applied = new Map<string, Applied>();
  const entered: ModerationQueue[] = [];
  for (const { comment, verdict } of unique) {
    if (!decided.has(comment.id)) continue;
    const after: QueueState = {
      status: verdict.status,
      statusReason: verdict.reason,
      openFlagCount: comment.openFlagCount,
      reviewedAt: null,
    };
    entered.push(...queuesOf(after));
    applied.set(comment.id, {
      commentId: comment.id,
      articleId: comment.articleId,
      threadId: comment.threadId,
      authorId: comment.authorId,
      before: { status: 'PENDING', statusReason: null, openFlagCount: comment.openFlagCount, reviewedAt: null },
      after,
      action: 'PIPELINE',
      actorId: null,
      notifications: {
        notified: notified.filter((n) => n.commentId === comment.id),
        mail: mail.filter(
          (m) => commentOf.get((m.payload as { notificationId: string }).notificationId) === comment.id,
        ),
      },
    });
  }
  // The site-wide counts the moderation events carry, read in the same statement: as of its
  // snapshot, plus the queues these decisions put their comments in (their deltas are appended
  // by the trigger after the statement). A PENDING comment was in no queue.
  return { applied, counts: withEntered(row?.counts ?? {}, entered) };
}

/** Counts as read, with the queues a comment entered. */
function withEntered(read: Record<string, number>, entered: readonly ModerationQueue[]): QueueCounts {
  const counts = toQueueCounts(read);
  for (const queue of entered) counts[queue] += 1;
  return counts;
}
