import { Prisma } from '../generated/prisma/client.js';
import type { PageCursor } from '../infra/pagination/cursor.js';
import { visibleTo } from './discussion.sql.js';

/**
 * The statements behind the reader's first view of a large discussion: the highlight map
 * (every discussed passage merged into ranges, with counts) and thread summaries for a stretch
 * of the text. Both count what the viewer may read: a thread's published comments
 * (Thread.commentCount, which posting, moderation and deletion keep in step) plus the
 * viewer's own comments awaiting or refused moderation — what the full read shows them,
 * but without reading every comment of the article (10,000 threads: 8 ms instead of 80).
 * Deleted comments kept as placeholders are not counted, and a thread whose only visible
 * comment is such a placeholder is left off.
 */

export interface HighlightRangeSqlRow {
  start: number;
  end: number;
  threadCount: number;
  commentCount: number;
}

export interface ThreadSummarySqlRow {
  id: string;
  start: number;
  end: number;
  exact: string;
  commentCount: number;
  createdAt: Date;
  firstCommentId: string;
  firstStatus: string;
  firstBodyHtml: string;
  firstAuthorName: string | null;
  firstPostedAt: Date;
}

const ANCHOR_END = Prisma.sql`(t.anchor->'position'->>'end')::int`;

/** Threads placed on a passage of the article's current text. */
function placedOn(articleId: string): Prisma.Sql {
  return Prisma.sql`t."articleId" = ${articleId}::uuid AND t."anchorStatus" IN ('ANCHORED', 'FUZZY')
    AND t.anchor->>'revisionId' = (SELECT a."currentRevisionId"::text FROM "Article" a WHERE a.id = ${articleId}::uuid)`;
}

/** Per thread: the viewer's own comments that are not published (held, pending, rejected). */
function ownUnpublished(viewerId: string | null): Prisma.Sql {
  if (!viewerId) return Prisma.sql`SELECT NULL::uuid AS "threadId", 0::bigint AS n WHERE false`;
  return Prisma.sql`SELECT c."threadId", count(*) AS n FROM "Comment" c
    WHERE c."authorId" = ${viewerId}::uuid AND c.status NOT IN ('PUBLISHED', 'DELETED') GROUP BY c."threadId"`;
}

/**
 * The article's discussed passages, overlapping ones merged, in text order: gaps-and-islands
 * over the visible threads (a range starts a new island when it begins at or after the
 * furthest end seen so far).
 */
export function highlightMapSql(articleId: string, viewerId: string | null): Prisma.Sql {
  return Prisma.sql`WITH own AS (${ownUnpublished(viewerId)}), visible AS (
      SELECT t.id, t."anchorStart" AS s, ${ANCHOR_END} AS e, t."commentCount" + COALESCE(o.n, 0) AS comments
      FROM "Thread" t LEFT JOIN own o ON o."threadId" = t.id
      WHERE ${placedOn(articleId)} AND (t."commentCount" > 0 OR o.n > 0)
    ), ordered AS (
      SELECT id, s, e, comments,
        max(e) OVER (ORDER BY s, e, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
      FROM visible
    ), islands AS (
      SELECT s, e, comments,
        sum(CASE WHEN reach IS NULL OR s >= reach THEN 1 ELSE 0 END) OVER (ORDER BY s, e, id ROWS UNBOUNDED PRECEDING) AS island
      FROM ordered
    )
    SELECT min(s)::int AS start, max(e)::int AS "end", count(*)::int AS "threadCount", sum(comments)::int AS "commentCount"
    FROM islands GROUP BY island ORDER BY 1`;
}

/**
 * One page of summaries of the threads whose passage meets [from, to), in text order
 * (passage start, creation time, id — keyset, so threads added meanwhile shift no page).
 * Each brings its comment count and its oldest visible comment with the author's name.
 */
export function threadSummarySql(options: {
  articleId: string;
  viewerId: string | null;
  from: number;
  to: number;
  limit: number;
  after: PageCursor | null;
}): Prisma.Sql {
  const { articleId, viewerId, from, to, limit, after } = options;
  const seek = after
    ? Prisma.sql` AND (t."anchorStart", t."createdAt", t.id) > (${after.key ?? 0}::int,
        (SELECT a."createdAt" FROM "Thread" a WHERE a.id = ${after.id}::uuid), ${after.id}::uuid)`
    : Prisma.empty;
  return Prisma.sql`WITH own AS (${ownUnpublished(viewerId)})
    SELECT t.id::text AS id, t."anchorStart" AS start, ${ANCHOR_END} AS "end",
      t.anchor->'quote'->>'exact' AS exact, (t."commentCount" + COALESCE(o.n, 0))::int AS "commentCount", t."createdAt",
      f.id::text AS "firstCommentId", f.status::text AS "firstStatus", f."bodyHtml" AS "firstBodyHtml",
      CASE WHEN f.status = 'DELETED' THEN NULL ELSE COALESCE(u."displayName", f."legacyAuthor") END AS "firstAuthorName",
      COALESCE(f."legacyPostedAt", f."createdAt") AS "firstPostedAt"
    FROM "Thread" t
    JOIN LATERAL (
      SELECT c.id, c.status, c."bodyHtml", c."authorId", c."legacyAuthor", c."legacyPostedAt", c."createdAt"
      FROM "Comment" c WHERE c."threadId" = t.id AND ${visibleTo(viewerId)}
      ORDER BY c."createdAt", c.id LIMIT 1
    ) f ON true
    LEFT JOIN own o ON o."threadId" = t.id
    LEFT JOIN "User" u ON u.id = f."authorId"
    WHERE ${placedOn(articleId)} AND (t."commentCount" > 0 OR o.n > 0)
      AND t."anchorStart" < ${to} AND ${ANCHOR_END} > ${from}${seek}
    ORDER BY t."anchorStart", t."createdAt", t.id LIMIT ${limit}`;
}
