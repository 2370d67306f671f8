import type { CommentStatus } from '../../generated/prisma/enums.js';
import type { AuditAction } from '../audit/audit-action.js';
import type { CounterDeltas } from './counter-deltas.js';

/**
 * What a decision about one comment writes (CommentDecisions, under a row lock; the
 * pipeline's statement in pipeline-decision.ts writes the same for a batch of comments): the
 * comment's status, reason, review mark, open flags and scores; its thread's and author's
 * counters; its open flags resolved; the audit row. Everything hangs off `decided`, the UPDATE of the comment, which
 * matches only while the comment is still in `from`: when it is not (a duplicate delivery, a
 * moderator first), nothing at all is written.
 */
export interface DecisionWrite {
  commentId: string;
  from: CommentStatus;
  to: CommentStatus;
  statusReason: string | null;
  /** Null keeps the count as it is (the pipeline holds no lock while flags come in). */
  openFlagCount: number | null;
  reviewedAt: Date | null;
  /** Null keeps the scores stored. */
  scores: string | null;
  now: Date;
  threadId: string;
  authorId: string | null;
  deltas: CounterDeltas;
  resolveFlags: boolean;
  articleId: string;
  actorId: string | null;
  action: AuditAction;
  auditReason: string;
}

/** CTEs `decided` (RETURNING id, "parentId"), thread, author, flags and audit, for a WITH clause. */
export const DECISION_WRITES_SQL = `
  decided AS (
    UPDATE "Comment"
    SET status = $3::text::"CommentStatus", "statusReason" = $4::text,
        "openFlagCount" = coalesce($5::int, "openFlagCount"), "reviewedAt" = $6::timestamp,
        "moderationScores" = coalesce($7::jsonb, "moderationScores"), "updatedAt" = $8::timestamp
    WHERE id = $1::uuid AND status = $2::text::"CommentStatus"
    RETURNING id, "parentId"
  ), thread AS (
    UPDATE "Thread" SET "commentCount" = "commentCount" + $10::int, "updatedAt" = $8::timestamp
    FROM decided WHERE "Thread".id = $9::uuid AND $10::int <> 0
  ), author AS (
    UPDATE "User"
    SET "commentCount" = "commentCount" + $12::int, "rejectedCount" = "rejectedCount" + $13::int,
        "updatedAt" = $8::timestamp
    FROM decided
    WHERE "User".id = $11::uuid AND ($12::int <> 0 OR $13::int <> 0)
  ), flags AS (
    UPDATE "Flag" SET resolved = true, "resolvedAt" = $8::timestamp, "openKey" = NULL
    FROM decided WHERE $14::boolean AND "Flag"."commentId" = decided.id AND "Flag".resolved = false
  ), audit AS (
    INSERT INTO "ModerationAction"
      (id, "commentId", "articleId", "targetUserId", "actorId", action, reason, "fromStatus", "toStatus", "createdAt")
    SELECT gen_random_uuid(), decided.id, $15::uuid, $11::uuid, $16::uuid, $17::text,
      $18::text, $2::text::"CommentStatus", $3::text::"CommentStatus", $8::timestamp
    FROM decided
  )`;

/** The values of DECISION_WRITES_SQL, $1 to $18, in order. */
export function decisionWriteValues(write: DecisionWrite): unknown[] {
  return [
    write.commentId,
    write.from,
    write.to,
    write.statusReason,
    write.openFlagCount,
    write.reviewedAt?.toISOString() ?? null,
    write.scores,
    write.now.toISOString(),
    write.threadId,
    write.deltas.thread,
    write.authorId,
    write.deltas.authorPublished,
    write.deltas.authorRejected,
    write.resolveFlags,
    write.articleId,
    write.actorId,
    write.action,
    write.auditReason,
  ];
}
