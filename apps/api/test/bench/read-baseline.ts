/**
 * The read benchmark's baseline: a bare `node:http` + `pg` server answering the article
 * read with the same SQL as the API (the discussion statements are the API's own, from
 * comments/discussion.sql.ts; the article, counts and revision statements are the ones
 * Prisma sends, written out) and the same JSON, built by the API's own row mappers and
 * encoded with JSON.stringify. No framework, no GraphQL, no validation, no auth.
 */
import { canonicalize, type Block } from '@marginalia/content';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type { Prisma } from '../../src/generated/prisma/client.js';
import {
  articleThreadsSql,
  reactionCountsSql,
  visibleCommentsSql,
  type CommentSqlRow,
  type ReactionCountSqlRow,
  type ThreadSqlRow,
} from '../../src/comments/discussion.sql.js';
import type { CommentModel, ThreadModel } from '../../src/comments/models/comment.model.js';
import { assemble, toComments } from '../../src/comments/thread.reader.js';

/** The web client's article query (apps/web/src/api/queries.ts), read anonymously. */
export const READ_QUERY = `query Article($slug: String!) {
  article(slug: $slug) {
    id slug title author siteName sourceUrl publishedAt createdAt threadCount commentCount
    revision { id version text createdAt blocks { kind text level speaker ordered href start end } }
    threads {
      id articleId originalQuote anchorStatus commentCount createdAt
      anchor { revisionId start end exact prefix suffix status }
      comments {
        id threadId parentId authorName legacyNumber postedAt bodyHtml status statusReason editedAt isOwn
        author { id handle displayName role }
        reactions { kind count }
        viewerReactions
      }
    }
  }
}`;

// What Prisma sends for ArticleService.bySlug, countsFor and revision, verbatim (the bench
// compares them with the API's statements at the start of every run).
export const ARTICLE_SQL = `SELECT "public"."Article"."id", "public"."Article"."slug", "public"."Article"."title",
  "public"."Article"."author", "public"."Article"."siteName", "public"."Article"."sourceUrl",
  "public"."Article"."publishedAt", "public"."Article"."createdAt", "public"."Article"."currentRevisionId",
  "public"."Article"."premod", "public"."Article"."state"::text, "public"."Article"."commentsOpen",
  "public"."Article"."commentsClosesAt", "public"."Article"."siteId"
  FROM "public"."Article" WHERE ("public"."Article"."slug" = $1 AND 1=1) LIMIT $2 OFFSET $3`;
export const COUNTS_SQL = `SELECT COUNT(*) AS "_count$_all", SUM("public"."Thread"."commentCount") AS "_sum$commentCount",
  "public"."Thread"."articleId" FROM "public"."Thread" WHERE ("public"."Thread"."articleId" IN ($1)
  AND "public"."Thread"."commentCount" > $2) GROUP BY "public"."Thread"."articleId" OFFSET $3`;
export const REVISION_SQL = `SELECT "public"."ArticleRevision"."id", "public"."ArticleRevision"."articleId",
  "public"."ArticleRevision"."version", "public"."ArticleRevision"."blocks", "public"."ArticleRevision"."canonicalText",
  "public"."ArticleRevision"."contentHash", "public"."ArticleRevision"."createdAt" FROM "public"."ArticleRevision"
  WHERE "public"."ArticleRevision"."articleId" = $1 ORDER BY "public"."ArticleRevision"."version" DESC LIMIT $2 OFFSET $3`;

/** Prisma stores timestamps without time zone, in UTC. */
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (value) => new Date(`${value.replace(' ', 'T')}Z`));

export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function threadJson(t: ThreadModel): unknown {
  return {
    id: t.id,
    articleId: t.articleId,
    originalQuote: t.originalQuote,
    anchorStatus: t.anchorStatus,
    commentCount: t.commentCount,
    createdAt: iso(t.createdAt),
    anchor: t.anchor && {
      revisionId: t.anchor.revisionId,
      start: t.anchor.start,
      end: t.anchor.end,
      exact: t.anchor.exact,
      prefix: t.anchor.prefix,
      suffix: t.anchor.suffix,
      status: t.anchor.status,
    },
    comments: t.comments.map(commentJson),
  };
}

function commentJson(c: CommentModel): unknown {
  return {
    id: c.id,
    threadId: c.threadId,
    parentId: c.parentId,
    authorName: c.authorName,
    legacyNumber: c.legacyNumber,
    postedAt: iso(c.postedAt),
    bodyHtml: c.bodyHtml,
    status: c.status,
    statusReason: c.statusReason,
    editedAt: iso(c.editedAt),
    isOwn: c.isOwn,
    author: c.author && {
      id: c.author.id,
      handle: c.author.handle,
      displayName: c.author.displayName,
      role: c.author.role,
    },
    reactions: c.reactions.map((r) => ({ kind: r.kind, count: r.count })),
    viewerReactions: c.viewerReactions,
  };
}

const run = <T>(pool: pg.Pool, sql: Prisma.Sql): Promise<T[]> =>
  pool.query(sql.text, sql.values as unknown[]).then((r) => r.rows as T[]);

/** The same reads, in the same order and with the same concurrency as the resolvers. */
export async function readArticle(pool: pg.Pool, slug: string): Promise<unknown> {
  const [article] = (await pool.query(ARTICLE_SQL, [slug, 1, 0])).rows as Array<Record<string, unknown>>;
  if (!article) return { data: { article: null } };
  const id = article['id'] as string;
  const [counts] = (await pool.query(COUNTS_SQL, [id, 0, 0])).rows as Array<Record<string, string | null>>;
  const [revisionRows, threads, comments] = await Promise.all([
    pool.query(REVISION_SQL, [id, 1, 0]).then((r) => r.rows as Array<Record<string, unknown>>),
    run<ThreadSqlRow>(pool, articleThreadsSql(id)),
    run<CommentSqlRow>(pool, visibleCommentsSql({ articleId: id }, null)).then(async (rows) => {
      const reacted = rows.some((r) => r.reactionCount > 0);
      const counts = reacted ? await run<ReactionCountSqlRow>(pool, reactionCountsSql({ articleId: id })) : [];
      return toComments(rows, counts, [], null);
    }),
  ]);
  return {
    data: {
      article: {
        ...articleFieldsJson(id, article, counts),
        revision: revisionJson(revisionRows[0]!, true),
        threads: assemble(threads, comments, false).map(threadJson),
      },
    },
  };
}

/** The revision as the article query returns it; `withText` adds the canonical text. */
/** The article's own fields as the API answers them, from ARTICLE_SQL's and COUNTS_SQL's rows. */
export function articleFieldsJson(
  id: string,
  article: Record<string, unknown>,
  counts: Record<string, unknown> | undefined,
): Record<string, unknown> {
  return {
    id,
    slug: article['slug'],
    title: article['title'],
    author: article['author'],
    siteName: article['siteName'],
    sourceUrl: article['sourceUrl'],
    publishedAt: iso(article['publishedAt'] as Date | null),
    createdAt: iso(article['createdAt'] as Date),
    threadCount: Number(counts?.['_count$_all'] ?? 0),
    commentCount: Number(counts?.['_sum$commentCount'] ?? 0),
  };
}

export function revisionJson(revision: Record<string, unknown>, withText: boolean): Record<string, unknown> {
  const { blocks } = canonicalize(revision['blocks'] as Block[]);
  return {
    id: revision['id'],
    version: revision['version'],
    ...(withText ? { text: revision['canonicalText'] } : {}),
    createdAt: iso(revision['createdAt'] as Date),
    blocks: blocks.map((b) => ({
      kind: b.kind,
      text: b.text,
      level: 'level' in b ? (b.level ?? null) : null,
      speaker: 'speaker' in b ? (b.speaker ?? null) : null,
      ordered: 'ordered' in b ? (b.ordered ?? null) : null,
      href: 'href' in b ? (b.href ?? null) : null,
      start: b.start,
      end: b.end,
    })),
  };
}

export type BaselineVariables = { slug: string } & Record<string, unknown>;

/**
 * Starts the baseline on a loopback port; it answers every POST with `answer` for the
 * variables sent (by default the article read named by `slug`).
 */
export async function startBaseline(
  databaseUrl: string,
  answer: (pool: pg.Pool, variables: BaselineVariables) => Promise<unknown> = (pool, v) => readArticle(pool, v.slug),
): Promise<{ url: string; close: () => Promise<void> }> {
  // The same pool size as the API's Prisma adapter.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables: BaselineVariables };
      answer(pool, variables).then(
        (body) => {
          const json = JSON.stringify(body);
          res.writeHead(200, {
            'content-type': 'application/json; charset=utf-8',
            'content-length': Buffer.byteLength(json),
          });
          res.end(json);
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
