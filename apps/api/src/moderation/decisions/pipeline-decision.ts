import type { CommentStatus } from '../../generated/prisma/enums.js';
import type { PrismaService } from '../../infra/prisma/prisma.service.js';
import { replyMessage } from '../../notifications/notification.writer.js';
import type { ModerationStatus } from '../pipeline/index.js';
import type { Applied } from './comment-decisions.service.js';
import { counterDeltas } from './counter-deltas.js';

/** What the pipeline's input read already knows about the comment. */
export interface PendingComment {
  id: string;
  threadId: string;
  articleId: string;
  authorId: string;
  authorName: string;
  openFlagCount: number;
}

export interface PipelineVerdict {
  status: ModerationStatus;
  reason: string;
  note: string | null;
  scores: object;
}

/**
 * The pipeline's decision on a PENDING comment as ONE statement — the hot path of every
 * comment posted. It does what CommentDecisions.decide does for a human decision (status,
 * reason and scores; thread and author counters; audit row; the parent author's reply
 * notification), but the row lock and the status check are the UPDATE's own
 * `WHERE status = 'PENDING'`: a concurrent duplicate delivery or a moderator who got there
 * first makes it match nothing, and then every other part of the statement does nothing too.
 * A PENDING comment is in no queue and counted nowhere, so its state before is known.
 * Returns null when the comment was no longer PENDING.
 */
export async function applyPipelineDecision(
  prisma: PrismaService,
  comment: PendingComment,
  verdict: PipelineVerdict,
  now = new Date(),
): Promise<Applied | null> {
  const from: CommentStatus = 'PENDING';
  const deltas = counterDeltas(from, verdict.status);
  const reason = verdict.note ? `${verdict.reason}: ${verdict.note}` : verdict.reason;
  const published = verdict.status === 'PUBLISHED';
  const [row] = await prisma.$queryRaw<Array<{ applied: number }>>`
    WITH decided AS (
      UPDATE "Comment"
      SET status = ${verdict.status}::"CommentStatus", "statusReason" = ${verdict.reason}, "reviewedAt" = NULL,
          "moderationScores" = ${JSON.stringify(verdict.scores)}::jsonb, "updatedAt" = ${now}
      WHERE id = ${comment.id}::uuid AND status = 'PENDING'
      RETURNING id, "parentId"
    ), thread AS (
      UPDATE "Thread" SET "commentCount" = "commentCount" + ${deltas.thread}, "updatedAt" = ${now}
      FROM decided WHERE "Thread".id = ${comment.threadId}::uuid AND ${deltas.thread} <> 0
    ), author AS (
      UPDATE "User"
      SET "commentCount" = "commentCount" + ${deltas.authorPublished},
          "rejectedCount" = "rejectedCount" + ${deltas.authorRejected}, "updatedAt" = ${now}
      FROM decided
      WHERE "User".id = ${comment.authorId}::uuid AND (${deltas.authorPublished} <> 0 OR ${deltas.authorRejected} <> 0)
    ), audit AS (
      INSERT INTO "ModerationAction"
        (id, "commentId", "articleId", "targetUserId", "actorId", action, reason, "fromStatus", "toStatus", "createdAt")
      SELECT gen_random_uuid(), decided.id, ${comment.articleId}::uuid, ${comment.authorId}::uuid, NULL, 'PIPELINE',
        ${reason}, 'PENDING', ${verdict.status}::"CommentStatus", ${now}
      FROM decided
    ), reply AS (
      INSERT INTO "Notification" (id, "userId", kind, "commentId", message, "createdAt")
      SELECT gen_random_uuid(), parent."authorId", 'REPLY', decided.id, ${replyMessage(comment.authorName)}, ${now}
      FROM decided JOIN "Comment" parent ON parent.id = decided."parentId"
      WHERE ${published} AND parent."authorId" IS NOT NULL AND parent."authorId" <> ${comment.authorId}::uuid
        AND NOT EXISTS (
          SELECT 1 FROM "Notification" n
          WHERE n."userId" = parent."authorId" AND n.kind = 'REPLY' AND n."commentId" = decided.id
        )
    )
    SELECT count(*)::int AS applied FROM decided`;
  if (!row || row.applied === 0) return null;
  return {
    commentId: comment.id,
    articleId: comment.articleId,
    threadId: comment.threadId,
    authorId: comment.authorId,
    before: { status: from, statusReason: null, openFlagCount: comment.openFlagCount, reviewedAt: null },
    after: {
      status: verdict.status,
      statusReason: verdict.reason,
      openFlagCount: comment.openFlagCount,
      reviewedAt: null,
    },
    action: 'PIPELINE',
    actorId: null,
  };
}
