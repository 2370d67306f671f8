import { Prisma } from '../generated/prisma/client.js';
import type { PageCursor } from '../infra/pagination/cursor.js';
import { visibleTo } from './discussion.sql.js';

/**
 * The statements behind the reader's first view of a large discussion: the highlight map
 * (every discussed passage merged into ranges, with counts) and thread summaries for a stretch
 * of the text. Both count what the viewer may see, as the full read does: published
 * comments, the viewer's own, and deleted ones only as placeholders (which make a thread
 * visible but are not counted as comments).
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

/**
 * The article's discussed passages, overlapping ones merged, in text order: one aggregate over
 * the visible comments, then gaps-and-islands (a range starts a new island when it begins at
 * or after the furthest end seen so far).
 */
export function highlightMapSql(articleId: string, viewerId: string | null): Prisma.Sql {
  return Prisma.sql`WITH visible AS (
      SELECT t.id, t."anchorStart" AS s, ${ANCHOR_END} AS e,
        count(*) FILTER (WHERE c.status <> 'DELETED') AS comments
      FROM "Thread" t JOIN "Comment" c ON c."threadId" = t.id
      WHERE ${placedOn(articleId)} AND ${visibleTo(viewerId)}
      GROUP BY t.id
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
 * Each brings its visible comment count and its oldest visible comment with the author's name.
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
  return Prisma.sql`SELECT t.id::text AS id, t."anchorStart" AS start, ${ANCHOR_END} AS "end",
      t.anchor->'quote'->>'exact' AS exact, n.comments::int AS "commentCount", t."createdAt",
      f.id::text AS "firstCommentId", f.status::text AS "firstStatus", f."bodyHtml" AS "firstBodyHtml",
      CASE WHEN f.status = 'DELETED' THEN NULL ELSE COALESCE(u."displayName", f."legacyAuthor") END AS "firstAuthorName",
      COALESCE(f."legacyPostedAt", f."createdAt") AS "firstPostedAt"
    FROM "Thread" t
    JOIN LATERAL (
      SELECT c.id, c.status, c."bodyHtml", c."authorId", c."legacyAuthor", c."legacyPostedAt", c."createdAt"
      FROM "Comment" c WHERE c."threadId" = t.id AND ${visibleTo(viewerId)}
      ORDER BY c."createdAt", c.id LIMIT 1
    ) f ON true
    JOIN LATERAL (
      SELECT count(*) AS comments FROM "Comment" c
      WHERE c."threadId" = t.id AND c.status <> 'DELETED' AND ${visibleTo(viewerId)}
    ) n ON true
    LEFT JOIN "User" u ON u.id = f."authorId"
    WHERE ${placedOn(articleId)} AND t."anchorStart" < ${to} AND ${ANCHOR_END} > ${from}${seek}
    ORDER BY t."anchorStart", t."createdAt", t.id LIMIT ${limit}`;
}
