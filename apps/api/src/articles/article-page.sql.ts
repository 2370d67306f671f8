import { Prisma } from '../generated/prisma/client.js';
import type { ArticleState } from '../generated/prisma/enums.js';
import type { PageCursor } from '../comments/discussion.sql.js';
import type { ArticleOrder } from './dto/article-page.args.js';

export interface ArticleRow {
  id: string;
  slug: string;
  title: string;
  author: string | null;
  siteName: string | null;
  sourceUrl: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  currentRevisionId: string | null;
  threadCount: number;
  commentCount: number;
  state: ArticleState;
  premod: boolean;
  commentsOpen: boolean | null;
  commentsClosesAt: Date | null;
  siteCommentsOpen: boolean | null;
}

/** `%`, `_` and `\` match themselves in the title search. */
const likePattern = (search: string): string => `%${search.replace(/[\\%_]/g, '\\$&')}%`;

/**
 * One page of articles with their discussion counts, in one statement. Keyset order:
 * NEWEST is (createdAt, id) descending; MOST_DISCUSSED is the comment count, then
 * (createdAt, id), descending. The cursor holds the id (its createdAt is read back) and, for
 * MOST_DISCUSSED, the count it was issued with. Asks for `limit` + 1 rows to know whether
 * another page follows.
 */
export function articlePageSql(options: {
  search: string | null;
  order: ArticleOrder;
  limit: number;
  after: PageCursor | null;
  /** Staff see unpublished articles too. */
  withUnpublished: boolean;
}): Prisma.Sql {
  const { search, order, limit, after, withUnpublished } = options;
  const count = Prisma.sql`COALESCE(d."commentCount", 0)`;
  const filters: Prisma.Sql[] = [];
  if (!withUnpublished) filters.push(Prisma.sql`a.state <> 'UNPUBLISHED'`);
  if (search) filters.push(Prisma.sql`a.title ILIKE ${likePattern(search)}`);
  if (after) {
    const created = Prisma.sql`(SELECT c."createdAt" FROM "Article" c WHERE c.id = ${after.id}::uuid)`;
    const older = Prisma.sql`(a."createdAt", a.id) < (${created}, ${after.id}::uuid)`;
    filters.push(
      order === 'MOST_DISCUSSED'
        ? Prisma.sql`(${count} < ${after.key ?? 0} OR (${count} = ${after.key ?? 0} AND ${older}))`
        : older,
    );
  }
  const where = filters.length > 0 ? Prisma.sql`WHERE ${Prisma.join(filters, ' AND ')}` : Prisma.empty;
  const orderBy =
    order === 'MOST_DISCUSSED'
      ? Prisma.sql`ORDER BY ${count} DESC, a."createdAt" DESC, a.id DESC`
      : Prisma.sql`ORDER BY a."createdAt" DESC, a.id DESC`;
  return Prisma.sql`
    SELECT a.id::text AS id, a.slug, a.title, a.author, a."siteName", a."sourceUrl", a."publishedAt",
           a."createdAt", a."currentRevisionId"::text AS "currentRevisionId",
           COALESCE(d."threadCount", 0)::int AS "threadCount", ${count}::int AS "commentCount",
           a.state::text AS state, a.premod, a."commentsOpen", a."commentsClosesAt", s."commentsOpen" AS "siteCommentsOpen"
    FROM "Article" a
    LEFT JOIN "Site" s ON s.id = a."siteId"
    LEFT JOIN LATERAL (
      SELECT count(*) AS "threadCount", sum(t."commentCount") AS "commentCount"
      FROM "Thread" t WHERE t."articleId" = a.id AND t."commentCount" > 0
    ) d ON true
    ${where}
    ${orderBy}
    LIMIT ${limit + 1}`;
}
