/**
 * The large-read benchmark's baseline for the reader's first view: a bare `node:http` + `pg`
 * answer built from the same SQL as the API (the highlight map, summary and page statements
 * are the API's own) and the same row mappers, encoded with JSON.stringify. No framework, no
 * GraphQL, no validation, no auth. The full read's baseline is read-baseline.ts.
 */
import type pg from 'pg';
import type { Prisma } from '../../src/generated/prisma/client.js';
import {
  reactionCountsSql,
  threadPageSql,
  visibleCommentsSql,
  type CommentSqlRow,
  type ReactionCountSqlRow,
  type ThreadSqlRow,
} from '../../src/comments/discussion.sql.js';
import {
  highlightMapSql,
  threadSummarySql,
  type HighlightRangeSqlRow,
  type ThreadSummarySqlRow,
} from '../../src/comments/discussion-overview.sql.js';
import { SUMMARY_ORDER, toSummary } from '../../src/comments/discussion-overview.service.js';
import { assemble, toComments } from '../../src/comments/thread.reader.js';
import { encodeCursor } from '../../src/infra/pagination/cursor.js';
import {
  ARTICLE_SQL,
  COUNTS_SQL,
  articleFieldsJson,
  iso,
  REVISION_SQL,
  revisionJson,
  threadJson,
  type BaselineVariables,
} from './read-baseline.js';

export const FIRST_SUMMARIES = 30;
export const FIRST_PAGE_THREADS = 10;

const THREAD_FIELDS = `id articleId originalQuote anchorStatus commentCount createdAt
      anchor { revisionId start end exact prefix suffix status }
      comments {
        id threadId parentId authorName legacyNumber postedAt bodyHtml status statusReason editedAt isOwn
        author { id handle displayName role }
        reactions { kind count }
        viewerReactions
      }`;

/**
 * What the reader asks for first: the text (as blocks; the canonical text is the blocks
 * joined by blank lines), the highlight map of the whole text, summaries of the threads in
 * and near the viewport, and the first page of page-level threads.
 */
export const FIRST_VIEW_QUERY = `query ArticleFirstView($slug: String!, $from: Int!, $to: Int!) {
  article(slug: $slug) {
    id slug title author siteName sourceUrl publishedAt createdAt threadCount commentCount
    revision { id version createdAt blocks { kind text level speaker ordered href start end } }
    highlightMap { start end threadCount commentCount }
    threadSummaries(from: $from, to: $to, first: ${FIRST_SUMMARIES}) {
      nodes { id start end exact commentCount createdAt firstCommentId firstStatus excerpt authorName postedAt }
      pageInfo { hasNextPage endCursor }
    }
    threadConnection(scope: PAGE, first: ${FIRST_PAGE_THREADS}) {
      nodes { ${THREAD_FIELDS} }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

const run = <T>(pool: pg.Pool, sql: Prisma.Sql): Promise<T[]> =>
  pool.query(sql.text, sql.values as unknown[]).then((r) => r.rows as T[]);

/** The same reads as the resolvers, with the same concurrency, anonymously. */
export async function firstView(pool: pg.Pool, variables: BaselineVariables): Promise<unknown> {
  const { slug } = variables;
  const from = variables['from'] as number;
  const to = variables['to'] as number;
  const [article] = (await pool.query(ARTICLE_SQL, [slug, 1, 0])).rows as Array<Record<string, unknown>>;
  if (!article) return { data: { article: null } };
  const id = article['id'] as string;
  const [counts] = (await pool.query(COUNTS_SQL, [id, 0, 0])).rows as Array<Record<string, string | null>>;
  const [revisionRows, map, summaries, page] = await Promise.all([
    pool.query(REVISION_SQL, [id, 1, 0]).then((r) => r.rows as Array<Record<string, unknown>>),
    run<HighlightRangeSqlRow>(pool, highlightMapSql(id, null)),
    run<ThreadSummarySqlRow>(
      pool,
      threadSummarySql({ articleId: id, viewerId: null, from, to, limit: FIRST_SUMMARIES + 1, after: null }),
    ),
    pageThreads(pool, id),
  ]);
  const summaryPage = summaries.slice(0, FIRST_SUMMARIES);
  const lastSummary = summaryPage.at(-1);
  return {
    data: {
      article: {
        ...articleFieldsJson(id, article, counts),
        revision: revisionJson(revisionRows[0]!, false),
        highlightMap: map.map((r) => ({
          start: r.start,
          end: r.end,
          threadCount: r.threadCount,
          commentCount: r.commentCount,
        })),
        threadSummaries: {
          nodes: summaryPage.map(toSummary).map((s) => ({
            id: s.id,
            start: s.start,
            end: s.end,
            exact: s.exact,
            commentCount: s.commentCount,
            createdAt: iso(s.createdAt),
            firstCommentId: s.firstCommentId,
            firstStatus: s.firstStatus,
            excerpt: s.excerpt,
            authorName: s.authorName,
            postedAt: iso(s.postedAt),
          })),
          pageInfo: {
            hasNextPage: summaries.length > FIRST_SUMMARIES,
            endCursor: lastSummary ? encodeCursor(SUMMARY_ORDER, { id: lastSummary.id, key: lastSummary.start }) : null,
          },
        },
        threadConnection: page,
      },
    },
  };
}

/** ThreadReader.page for the first page of page-level threads, in text order. */
async function pageThreads(pool: pg.Pool, articleId: string): Promise<unknown> {
  const rows = await run<ThreadSqlRow>(
    pool,
    threadPageSql({
      articleId,
      viewerId: null,
      sort: 'POSITION',
      scope: 'PAGE',
      limit: FIRST_PAGE_THREADS + 1,
      after: null,
    }),
  );
  const pageRows = rows.slice(0, FIRST_PAGE_THREADS);
  let comments: ReturnType<typeof toComments> = [];
  if (pageRows.length > 0) {
    const scope = { threadIds: pageRows.map((t) => t.id) };
    const commentRows = await run<CommentSqlRow>(pool, visibleCommentsSql(scope, null));
    const reacted = commentRows.some((r) => r.reactionCount > 0);
    const counts = reacted ? await run<ReactionCountSqlRow>(pool, reactionCountsSql(scope)) : [];
    comments = toComments(commentRows, counts, [], null);
  }
  const last = pageRows.at(-1);
  return {
    nodes: assemble(pageRows, comments, true).map(threadJson),
    pageInfo: {
      hasNextPage: rows.length > FIRST_PAGE_THREADS,
      endCursor: last ? encodeCursor('POSITION', { id: last.id, key: last.sortKey ?? null }) : null,
    },
  };
}
