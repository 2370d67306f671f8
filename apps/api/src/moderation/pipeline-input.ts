import type { PrismaService } from '../infra/prisma/prisma.service.js';
import type { CommentStatus } from '../generated/prisma/enums.js';
import type { PendingComment } from './decisions/pipeline-decision.js';
import type { ModerationSettings, PipelineContext, UserRole, UserStatus } from './pipeline/index.js';

const DAY = 24 * 3600 * 1000;

interface InputRow {
  status: CommentStatus;
  threadId: string;
  articleId: string;
  openFlagCount: number;
  authorName: string;
  bodySource: string;
  isEdit: boolean;
  authorId: string;
  authorStatus: UserStatus;
  premod: boolean;
  role: UserRole;
  commentCount: number;
  rejectedCount: number;
  articlePremod: boolean;
  total: number;
  rejected: number;
  bodies: string[];
}

/**
 * Everything the pipeline needs about a comment, in one statement (the moderation job's
 * hot path): the comment, its author and article, the author's recent history over
 * `history.windowDays` and their latest bodies within `repeatWindowMinutes`.
 * Null when the comment is gone or has no author (imported comments are never moderated).
 */
export async function loadPipelineInput(
  prisma: PrismaService,
  commentId: string,
  settings: ModerationSettings,
  now = Date.now(),
): Promise<{ status: CommentStatus; comment: PendingComment; context: PipelineContext } | null> {
  const since = new Date(now - settings.history.windowDays * DAY);
  const repeatSince = new Date(now - settings.repeatWindowMinutes * 60_000);
  const [row] = await prisma.$queryRaw<InputRow[]>`
    SELECT c.status::text AS status, c."threadId", t."articleId", c."openFlagCount", u."displayName" AS "authorName",
           c."bodySource", c."editedAt" IS NOT NULL AS "isEdit",
           u.id AS "authorId", u.status::text AS "authorStatus", u.premod, u.role::text AS role,
           u."commentCount", u."rejectedCount", a.premod AS "articlePremod",
           h.total, h.rejected, r.bodies
    FROM "Comment" c
    JOIN "Thread" t ON t.id = c."threadId"
    JOIN "Article" a ON a.id = t."articleId"
    JOIN "User" u ON u.id = c."authorId"
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS total, (count(*) FILTER (WHERE o.status = 'REJECTED'))::int AS rejected
      FROM "Comment" o
      WHERE o."authorId" = c."authorId" AND o."createdAt" >= ${since} AND o.id <> c.id
    ) h
    CROSS JOIN LATERAL (
      SELECT coalesce(array_agg(x."bodySource" ORDER BY x."createdAt" DESC), '{}') AS bodies
      FROM (
        SELECT o."bodySource", o."createdAt" FROM "Comment" o
        WHERE o."authorId" = c."authorId" AND o.id <> c.id AND o."createdAt" >= ${repeatSince}
          AND o.status IN ('PUBLISHED', 'HELD', 'PENDING')
        ORDER BY o."createdAt" DESC
        LIMIT 20
      ) x
    ) r
    WHERE c.id = ${commentId}::uuid`;
  if (!row) return null;
  return {
    status: row.status,
    comment: {
      id: commentId,
      threadId: row.threadId,
      articleId: row.articleId,
      authorId: row.authorId,
      authorName: row.authorName,
      openFlagCount: row.openFlagCount,
    },
    context: {
      comment: { body: row.bodySource, isEdit: row.isEdit },
      author: {
        id: row.authorId,
        status: row.authorStatus,
        premod: row.premod,
        role: row.role,
        publishedCount: row.commentCount,
        rejectedCount: row.rejectedCount,
        recentTotal: row.total,
        recentRejected: row.rejected,
        recentBodies: row.bodies,
      },
      article: { premod: row.articlePremod },
      settings,
    },
  };
}
