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

/**
 * The pipeline's decisions on a batch of PENDING comments. $1 to $13 are arrays with one
 * element per comment (unnested as `v`); $14 is the time; $15 and $16 the handles each
 * comment mentions, as (comment, lower-cased handle) pairs.
 */
const DECIDE_PENDING = prepared<{
  applied: string[];
  counts: Record<string, number>;
  written: WrittenNotification[];
  mail: OutboxEntry[];
}>(
  'moderation.decide-pending',
  `
    WITH v AS (
      SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[], $5::uuid[], $6::uuid[], $7::uuid[],
        $8::int[], $9::int[], $10::int[], $11::text[], $12::text[], $13::text[])
        AS v(id, status, reason, scores, "threadId", "authorId", "articleId",
          "threadDelta", "publishedDelta", "rejectedDelta", "auditReason", "replyMessage", "mentionMessage")
    ), decided AS (
      UPDATE "Comment" c
      SET status = v.status::"CommentStatus", "statusReason" = v.reason, "reviewedAt" = NULL,
          "moderationScores" = v.scores, "updatedAt" = $14::timestamp
      FROM v
      -- By primary key only: as text, the status cannot steer the planner to the status
      -- indexes, whose PENDING range is every comment waiting in a backlog.
      WHERE c.id = ANY($1::uuid[]) AND c.id = v.id AND c.status::text = 'PENDING'
      RETURNING c.id, c."parentId"
    ), mine AS (
      SELECT v.*, decided."parentId" FROM decided JOIN v ON v.id = decided.id
    ), thread AS (
      UPDATE "Thread" t SET "commentCount" = t."commentCount" + d.n, "updatedAt" = $14::timestamp
      FROM (SELECT "threadId", sum("threadDelta")::int AS n FROM mine GROUP BY "threadId") d
      WHERE t.id = d."threadId" AND d.n <> 0
    ), author AS (
      UPDATE "User" u
      SET "commentCount" = u."commentCount" + d.published, "rejectedCount" = u."rejectedCount" + d.rejected,
          "updatedAt" = $14::timestamp
      FROM (
        SELECT "authorId", sum("publishedDelta")::int AS published, sum("rejectedDelta")::int AS rejected
        FROM mine GROUP BY "authorId"
      ) d
      WHERE u.id = d."authorId" AND (d.published <> 0 OR d.rejected <> 0)
    ), audit AS (
      INSERT INTO "ModerationAction"
        (id, "commentId", "articleId", "targetUserId", "actorId", action, reason, "fromStatus", "toStatus", "createdAt")
      SELECT gen_random_uuid(), id, "articleId", "authorId", NULL, 'PIPELINE', "auditReason",
        'PENDING', status::"CommentStatus", $14::timestamp
      FROM mine
    ), published AS (
      SELECT mine.id AS "commentId", mine."authorId" AS author, parent."authorId" AS "parentAuthor",
        coalesce((SELECT array_agg(h.handle) FROM unnest($15::uuid[], $16::text[]) AS h(comment, handle)
                  WHERE h.comment = mine.id), '{}') AS handles,
        mine."replyMessage", mine."mentionMessage"
      FROM mine LEFT JOIN "Comment" parent ON parent.id = mine."parentId"
      WHERE mine.status = 'PUBLISHED'
    ), ${notificationWritesSql(publishedRecipientsSql('published'), '$14::timestamp')}
    , counts AS (
      SELECT coalesce(jsonb_object_agg(queue, n), '{}') AS counts FROM (${SITE_WIDE_COUNTS_SQL}) q
    )
    SELECT (SELECT coalesce(array_agg(id::text), '{}') FROM decided) AS applied, counts.counts,
      ${writesJsonSql('(SELECT a.slug FROM v JOIN "Article" a ON a.id = v."articleId" WHERE v.id = w."commentId")')}
    FROM counts`,
  [[], [], [], [], [], [], [], [], [], [], [], [], [], new Date(0).toISOString(), [], []],
);

export interface PipelineVerdict {
  status: ModerationStatus;
  reason: string;
  note: string | null;
  scores: object;
}

/** One comment of a batch and the pipeline's verdict on it. */
export interface PendingDecision {
  comment: PendingComment;
  verdict: PipelineVerdict;
}

/**
 * The pipeline's decisions on PENDING comments as ONE statement — the hot path of every
 * comment posted; the moderation jobs running at once write theirs together. It writes what
 * CommentDecisions.decide writes for a human decision (DECISION_WRITES_SQL: the comment's
 * status, its thread's and author's counters summed over the batch, the audit rows; then the
 * reply and mention notifications of the published ones), but the row lock and the status
 * check are the UPDATE's own `status = 'PENDING'`: a concurrent duplicate delivery or a
 * moderator who got there first makes it match nothing for that comment, and nothing else is
 * written for it. A PENDING comment is in no queue and counted nowhere, so its state before
 * is known. The statement also reads the site-wide queue counts the moderation events carry.
 * Comments no longer PENDING have no entry in `applied`.
 */
export async function applyPipelineDecisions(
  prisma: PrismaService,
  decisions: readonly PendingDecision[],
  now = new Date(),
): Promise<{ applied: Map<string, Applied>; counts: QueueCounts }> {
  const column = <T>(of: (d: PendingDecision) => T): T[] => decisions.map(of);
  const deltas = decisions.map((d) => counterDeltas('PENDING', d.verdict.status));
  const mentions = decisions.flatMap((d) => d.comment.mentions.map((handle) => [d.comment.id, handle] as const));
  const [row] = await prisma.run(DECIDE_PENDING, [
    column((d) => d.comment.id),
    column((d) => d.verdict.status),
    column((d) => d.verdict.reason),
    column((d) => JSON.stringify(d.verdict.scores)),
    column((d) => d.comment.threadId),
    column((d) => d.comment.authorId),
    column((d) => d.comment.articleId),
    deltas.map((d) => d.thread),
    deltas.map((d) => d.authorPublished),
    deltas.map((d) => d.authorRejected),
    column((d) => (d.verdict.note ? `${d.verdict.reason}: ${d.verdict.note}` : d.verdict.reason)),
    column((d) => replyMessage(d.comment.authorName)),
    column((d) => mentionMessage(d.comment.authorName)),
    now.toISOString(),
    mentions.map(([id]) => id),
    mentions.map(([, handle]) => handle),
  ]);
  const appliedIds = new Set(row?.applied ?? []);
  const writes = toWrites(row);
  const commentOf = new Map(writes.notified.map((n) => [n.id, n.commentId]));
  const applied = new Map<string, Applied>();
  const entered: ModerationQueue[] = [];
  for (const { comment, verdict } of decisions) {
    if (!appliedIds.has(comment.id)) continue;
    const after: QueueState = {
      status: verdict.status,
      statusReason: verdict.reason,
      openFlagCount: comment.openFlagCount,
      reviewedAt: null,
    };
    entered.push(...queuesOf(after));
    const notified = writes.notified.filter((n) => n.commentId === comment.id);
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
        notified,
        mail: writes.mail.filter(
          (m) => commentOf.get((m.payload as { notificationId?: string }).notificationId ?? '') === comment.id,
        ),
      },
    });
  }
  // The site-wide counts the moderation events carry, read in the same statement: as of its
  // snapshot, plus the queues these decisions put their comments in (their own deltas are
  // appended by the trigger after the statement). A PENDING comment was in no queue.
  return { applied, counts: withEntered(row?.counts ?? {}, entered) };
}

/** Counts as read, with the queues a comment entered. */
function withEntered(read: Record<string, number>, entered: readonly ModerationQueue[]): QueueCounts {
  const counts = toQueueCounts(read);
  for (const queue of entered) counts[queue] += 1;
  return counts;
}
