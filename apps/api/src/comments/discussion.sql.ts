import { Prisma } from '../generated/prisma/client.js';
import type { CommentStatus } from '../generated/prisma/enums.js';
import type { AnchorStatus, Stance } from '../generated/prisma/enums.js';
import type { CommentSort, ThreadScope, ThreadSort } from './models/discussion-enums.js';
import type { PageCursor } from '../infra/pagination/cursor.js';

/**
 * The named statements behind every discussion read. They are plain SQL so the read
 * benchmark's bare baseline can run exactly the same text, and so each page costs a fixed
 * number of statements: threads, comments (with authors), and — only when some comment
 * has reactions — reaction counts and the viewer's own reactions.
 */

/** Which comments or threads a statement covers. */
export type Scope = { articleId: string } | { threadIds: string[] } | { commentIds: string[] };

export interface ThreadSqlRow {
  id: string;
  articleId: string;
  anchor: Prisma.JsonValue;
  originalAnchor: Prisma.JsonValue;
  anchorStatus: AnchorStatus | null;
  anchorScore: number | null;
  commentCount: number;
  createdAt: Date;
  /** The numeric sort key of a page query (position or reactions), for cursors. */
  sortKey?: number | null;
}

export interface CommentSqlRow {
  id: string;
  threadId: string;
  parentId: string | null;
  authorId: string | null;
  legacyAuthor: string | null;
  legacyNumber: number | null;
  legacyPostedAt: Date | null;
  /** Only selected for the viewer's own comments. */
  bodySource: string | null;
  bodyHtml: string;
  status: CommentStatus;
  statusReason: string | null;
  stance: Stance | null;
  replyCount: number;
  reactionCount: number;
  editedAt: Date | null;
  createdAt: Date;
  authorHandle: string | null;
  authorDisplayName: string | null;
  authorRole: 'READER' | 'MODERATOR' | 'ADMIN' | null;
  authorStatus: 'ACTIVE' | 'SUSPENDED' | 'BANNED' | null;
  authorCreatedAt: Date | null;
  /** Whether the viewer muted the author (their comment shows collapsed). */
  mutedAuthor?: boolean;
}

export interface ReactionCountSqlRow {
  commentId: string;
  kind: string;
  count: number;
}

export interface ViewerReactionSqlRow {
  commentId: string;
  kind: string;
}

const THREAD_COLUMNS = Prisma.sql`t.id::text AS id, t."articleId"::text AS "articleId", t.anchor, t."originalAnchor",
  t."anchorStatus"::text AS "anchorStatus", t."anchorScore", t."commentCount", t."createdAt"`;

/** Page-level and orphaned threads sort after every passage. */
const POSITION_KEY = Prisma.sql`COALESCE(t."anchorStart", 2147483647)`;
const THREAD_REACTIONS = Prisma.sql`(SELECT COALESCE(SUM(rc."reactionCount"), 0)::int FROM "Comment" rc
  WHERE rc."threadId" = t.id AND rc.status = 'PUBLISHED')`;

/** What a viewer may see: published comments, deleted ones kept as placeholders, and their own. */
export function visibleTo(viewerId: string | null, alias = 'c'): Prisma.Sql {
  const c = Prisma.raw(alias);
  const own = viewerId
    ? Prisma.sql` OR (${c}."authorId" = ${viewerId}::uuid AND ${c}.status <> 'DELETED')`
    : Prisma.empty;
  return Prisma.sql`(${c}.status = 'PUBLISHED' OR (${c}.status = 'DELETED' AND ${c}."replyCount" > 0)${own})`;
}

function scopeOf(scope: Scope): { join: Prisma.Sql; where: Prisma.Sql } {
  if ('articleId' in scope) {
    return {
      join: Prisma.sql`JOIN "Thread" t ON t.id = c."threadId"`,
      where: Prisma.sql`t."articleId" = ${scope.articleId}::uuid`,
    };
  }
  if ('threadIds' in scope)
    return { join: Prisma.empty, where: Prisma.sql`c."threadId" = ANY(${scope.threadIds}::uuid[])` };
  return { join: Prisma.empty, where: Prisma.sql`c.id = ANY(${scope.commentIds}::uuid[])` };
}

/** All threads of an article, in text order; page-level ones last. */
export function articleThreadsSql(articleId: string): Prisma.Sql {
  return Prisma.sql`SELECT ${THREAD_COLUMNS} FROM "Thread" t WHERE t."articleId" = ${articleId}::uuid
    ORDER BY ${POSITION_KEY}, t."createdAt", t.id`;
}

export function threadsByIdSql(threadIds: string[]): Prisma.Sql {
  return Prisma.sql`SELECT ${THREAD_COLUMNS} FROM "Thread" t WHERE t.id = ANY(${threadIds}::uuid[])`;
}

function threadScopeFilter(scope: ThreadScope): Prisma.Sql {
  switch (scope) {
    case 'ALL':
      return Prisma.empty;
    case 'PASSAGES':
      return Prisma.sql` AND t."anchorStatus" IN ('ANCHORED', 'FUZZY')`;
    case 'PAGE':
      return Prisma.sql` AND t."anchorStatus" IS NULL`;
    case 'ORPHANED':
      return Prisma.sql` AND t."anchorStatus" = 'ORPHANED'`;
  }
}

export type { PageCursor };

/**
 * One page of an article's threads that have something the viewer may see, sorted, after
 * a cursor. Keyset pagination: the cursor row's creation time is read back by id, and
 * the numeric key (position or reactions) travels in the cursor.
 */
export function threadPageSql(options: {
  articleId: string;
  viewerId: string | null;
  sort: ThreadSort;
  scope: ThreadScope;
  limit: number;
  after: PageCursor | null;
}): Prisma.Sql {
  const { articleId, viewerId, sort, scope, limit, after } = options;
  const created = after ? Prisma.sql`(SELECT a."createdAt" FROM "Thread" a WHERE a.id = ${after.id}::uuid)` : null;
  let key: Prisma.Sql = Prisma.sql`NULL::int`;
  let order: Prisma.Sql;
  let seek: Prisma.Sql = Prisma.empty;
  switch (sort) {
    case 'POSITION':
      key = POSITION_KEY;
      order = Prisma.sql`${POSITION_KEY}, t."createdAt", t.id`;
      if (after)
        seek = Prisma.sql` AND (${POSITION_KEY}, t."createdAt", t.id) > (${after.key ?? 0}::int, ${created}, ${after.id}::uuid)`;
      break;
    case 'OLDEST':
      order = Prisma.sql`t."createdAt", t.id`;
      if (after) seek = Prisma.sql` AND (t."createdAt", t.id) > (${created}, ${after.id}::uuid)`;
      break;
    case 'NEWEST':
      order = Prisma.sql`t."createdAt" DESC, t.id DESC`;
      if (after) seek = Prisma.sql` AND (t."createdAt", t.id) < (${created}, ${after.id}::uuid)`;
      break;
    case 'MOST_REACTIONS':
      key = THREAD_REACTIONS;
      order = Prisma.sql`${THREAD_REACTIONS} DESC, t."createdAt", t.id`;
      if (after) {
        seek = Prisma.sql` AND (-${THREAD_REACTIONS}, t."createdAt", t.id) > (${-(after.key ?? 0)}::int, ${created}, ${after.id}::uuid)`;
      }
      break;
  }
  return Prisma.sql`SELECT ${THREAD_COLUMNS}, ${key} AS "sortKey" FROM "Thread" t
    WHERE t."articleId" = ${articleId}::uuid${threadScopeFilter(scope)}
      AND EXISTS (SELECT 1 FROM "Comment" c WHERE c."threadId" = t.id AND ${visibleTo(viewerId)})${seek}
    ORDER BY ${order} LIMIT ${limit}`;
}

/** The comments of a scope the viewer may see, oldest first, with their authors. */
export function visibleCommentsSql(scope: Scope, viewerId: string | null): Prisma.Sql {
  const { join, where } = scopeOf(scope);
  const source = viewerId
    ? Prisma.sql`CASE WHEN c."authorId" = ${viewerId}::uuid THEN c."bodySource" END`
    : Prisma.sql`NULL`;
  const muted = viewerId
    ? Prisma.sql`EXISTS (SELECT 1 FROM "UserMute" um WHERE um."userId" = ${viewerId}::uuid AND um."mutedUserId" = c."authorId")`
    : Prisma.sql`false`;
  return Prisma.sql`SELECT c.id::text AS id, c."threadId"::text AS "threadId", c."parentId"::text AS "parentId",
      c."authorId"::text AS "authorId", c."legacyAuthor", c."legacyNumber", c."legacyPostedAt",
      ${source} AS "bodySource", c."bodyHtml", c.status::text AS status, c."statusReason",
      c.stance::text AS stance, c."replyCount",
      c."reactionCount", c."editedAt", c."createdAt",
      u.handle AS "authorHandle", u."displayName" AS "authorDisplayName", u.role::text AS "authorRole",
      u.status::text AS "authorStatus", u."createdAt" AS "authorCreatedAt", ${muted} AS "mutedAuthor"
    FROM "Comment" c ${join} LEFT JOIN "User" u ON u.id = c."authorId"
    WHERE ${where} AND ${visibleTo(viewerId)}
    ORDER BY c."createdAt", c.id`;
}

/** One page of a comment's direct replies that the viewer may see. */
export function replyPageSql(options: {
  parentId: string;
  viewerId: string | null;
  sort: CommentSort;
  limit: number;
  after: PageCursor | null;
}): Prisma.Sql {
  const { parentId, viewerId, sort, limit, after } = options;
  const created = after ? Prisma.sql`(SELECT a."createdAt" FROM "Comment" a WHERE a.id = ${after.id}::uuid)` : null;
  let order: Prisma.Sql;
  let seek: Prisma.Sql = Prisma.empty;
  switch (sort) {
    case 'OLDEST':
      order = Prisma.sql`c."createdAt", c.id`;
      if (after) seek = Prisma.sql` AND (c."createdAt", c.id) > (${created}, ${after.id}::uuid)`;
      break;
    case 'NEWEST':
      order = Prisma.sql`c."createdAt" DESC, c.id DESC`;
      if (after) seek = Prisma.sql` AND (c."createdAt", c.id) < (${created}, ${after.id}::uuid)`;
      break;
    case 'MOST_REACTIONS':
      order = Prisma.sql`c."reactionCount" DESC, c."createdAt", c.id`;
      if (after) {
        seek = Prisma.sql` AND (-c."reactionCount", c."createdAt", c.id) > (${-(after.key ?? 0)}::int, ${created}, ${after.id}::uuid)`;
      }
      break;
  }
  return Prisma.sql`SELECT c.id::text AS id, c."reactionCount" AS "sortKey" FROM "Comment" c
    WHERE c."parentId" = ${parentId}::uuid AND ${visibleTo(viewerId)}${seek}
    ORDER BY ${order} LIMIT ${limit}`;
}

/** Reaction counts per comment and kind over a scope. */
export function reactionCountsSql(scope: Scope): Prisma.Sql {
  const { join, where } = scopeOf(scope);
  return Prisma.sql`SELECT r."commentId"::text AS "commentId", r.kind, COUNT(*)::int AS count
    FROM "Reaction" r JOIN "Comment" c ON c.id = r."commentId" ${join}
    WHERE ${where} GROUP BY r."commentId", r.kind ORDER BY r.kind`;
}

export function viewerReactionsSql(scope: Scope, viewerId: string): Prisma.Sql {
  const { join, where } = scopeOf(scope);
  return Prisma.sql`SELECT r."commentId"::text AS "commentId", r.kind
    FROM "Reaction" r JOIN "Comment" c ON c.id = r."commentId" ${join}
    WHERE ${where} AND r."userId" = ${viewerId}::uuid ORDER BY r.kind`;
}
