/**
 * `pnpm bench import`: bulk import of 1,000 generated articles with legacy comments, the
 * way `pnpm marginalia import <dir>` runs it (sequentially through ImportRunner: parse,
 * then one store transaction each), into a throwaway database that is created, migrated
 * and dropped here. Baselines measured in the same run, on the same corpus:
 *   - parse only (@marginalia/content, no database);
 *   - a raw `pg` INSERT of the same rows (article, revision, threads, comments), one
 *     transaction per article, no lookups or locks: the floor the store step can reach.
 * Prints medians over several runs, their spread, and ratios. Then the migration figures of
 * site histories (history-import.bench.ts): comments/s and peak RSS for generated WXR and
 * Disqus exports, beside parsing alone.
 */
import 'reflect-metadata';
import { canonicalize, parseAny, type ParsedArticle } from '@marginalia/content';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { contentHash } from '../../src/articles/article.service.js';
import { withContext } from '../../src/cli/context.js';
import { renderMarkdown } from '../../src/common/markdown.js';
import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { ImportRunner, type ImportSummary } from '../../src/imports/import-runner.js';
import { BenchResult, createBenchEnv, machineLine, median, spreadOf, type BenchEnv } from './harness.js';
import { generateCorpus } from './import-corpus.js';
import { migrationFigures } from './history-import.bench.js';

const ARTICLES = Number(process.env['BENCH_ARTICLES'] ?? 1000);
// BENCH_HISTORY=0 skips the site-history (WXR, Disqus) migration figures.
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);

const fmt = (n: number): string => n.toFixed(1).padStart(8);

async function timed(fn: () => Promise<void> | void): Promise<number> {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}

interface RawRows {
  article: { id: string; slug: string; title: string; author: string | null; siteName: string | null };
  revision: { id: string; blocks: string; text: string; hash: string };
  threads: Array<Record<string, unknown>>;
  comments: Array<Record<string, unknown>>;
}

/** The rows the store writes for a parsed article, worked out ahead (outside the timing). */
function rawRows(parsed: ParsedArticle, slug: string): RawRows {
  const { text } = canonicalize(parsed.blocks);
  const articleId = randomUUID();
  const revisionId = randomUUID();
  const placed = new Map<number, { id: string; threadId: string }>();
  const threads: RawRows['threads'] = [];
  const comments: RawRows['comments'] = [];
  for (const c of parsed.comments) {
    const parent = c.parentNumber === undefined ? undefined : placed.get(c.parentNumber);
    const id = randomUUID();
    let threadId = parent?.threadId;
    if (!threadId) {
      threadId = randomUUID();
      const anchor = c.anchor
        ? {
            revisionId,
            position: { start: c.anchor.start, end: c.anchor.end },
            quote: { exact: c.anchor.exact, prefix: c.anchor.prefix, suffix: c.anchor.suffix },
          }
        : null;
      threads.push({
        id: threadId,
        articleId,
        anchor,
        originalAnchor: anchor,
        anchorStatus: anchor ? 'ANCHORED' : null,
        anchorScore: anchor ? 1 : null,
        anchorStart: anchor?.position.start ?? null,
        revisionId: anchor ? revisionId : null,
        commentCount: 0,
        createdAt: c.postedAt,
      });
    }
    const thread = threads.find((t) => t.id === threadId)!;
    thread['commentCount'] = (thread['commentCount'] as number) + 1;
    comments.push({
      id,
      threadId,
      parentId: parent?.id ?? null,
      legacyAuthor: c.authorName,
      legacyNumber: c.number,
      legacyPostedAt: c.postedAt,
      bodySource: c.bodyMarkdown,
      bodyHtml: renderMarkdown(c.bodyMarkdown),
      replyCount: parsed.comments.filter((o) => o.parentNumber === c.number).length,
      createdAt: c.postedAt,
    });
    placed.set(c.number, { id, threadId });
  }
  return {
    article: {
      id: articleId,
      slug,
      title: parsed.title,
      author: parsed.author ?? null,
      siteName: parsed.siteName ?? null,
    },
    revision: { id: revisionId, blocks: JSON.stringify(parsed.blocks), text, hash: contentHash(text) },
    threads,
    comments,
  };
}

async function insertRaw(client: pg.Client, rows: RawRows): Promise<void> {
  const { article, revision } = rows;
  await client.query('BEGIN');
  await client.query(
    'INSERT INTO "Article" (id, slug, title, author, "siteName", "updatedAt") VALUES ($1, $2, $3, $4, $5, now())',
    [article.id, article.slug, article.title, article.author, article.siteName],
  );
  await client.query(
    'INSERT INTO "ArticleRevision" (id, "articleId", version, blocks, "canonicalText", "contentHash") VALUES ($1, $2, 1, $3, $4, $5)',
    [revision.id, article.id, revision.blocks, revision.text, revision.hash],
  );
  await client.query('UPDATE "Article" SET "currentRevisionId" = $1 WHERE id = $2', [revision.id, article.id]);
  if (rows.threads.length > 0) {
    await client.query(
      `INSERT INTO "Thread" (id, "articleId", anchor, "originalAnchor", "anchorStatus", "anchorScore", "anchorStart",
         "revisionId", "commentCount", "createdAt", "updatedAt")
       SELECT id, "articleId", anchor, "originalAnchor", "anchorStatus"::"AnchorStatus", "anchorScore", "anchorStart",
         "revisionId", "commentCount", "createdAt", now()
       FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, "articleId" uuid, anchor jsonb, "originalAnchor" jsonb,
         "anchorStatus" text, "anchorScore" float8, "anchorStart" int, "revisionId" uuid, "commentCount" int,
         "createdAt" timestamptz)`,
      [JSON.stringify(rows.threads)],
    );
    await client.query(
      `INSERT INTO "Comment" (id, "threadId", "parentId", "legacyAuthor", "legacyNumber", "legacyPostedAt",
         "bodySource", "bodyHtml", status, "statusReason", "replyCount", "createdAt", "updatedAt")
       SELECT id, "threadId", "parentId", "legacyAuthor", "legacyNumber", "legacyPostedAt", "bodySource", "bodyHtml",
         'PUBLISHED', 'IMPORTED', "replyCount", "createdAt", now()
       FROM jsonb_to_recordset($1::jsonb) AS c(id uuid, "threadId" uuid, "parentId" uuid, "legacyAuthor" text,
         "legacyNumber" int, "legacyPostedAt" timestamptz, "bodySource" text, "bodyHtml" text, "replyCount" int,
         "createdAt" timestamptz)`,
      [JSON.stringify(rows.comments)],
    );
  }
  await client.query('COMMIT');
}

async function main(): Promise<void> {
  const result = new BenchResult('import', 'Bulk import');
  let bench: BenchEnv | null = null;
  try {
    bench = await createBenchEnv('import');
    const benchUrl = bench.databaseUrl;
    Object.assign(process.env, {
      DATABASE_URL: benchUrl,
      REDIS_PREFIX: bench.redisPrefix,
      LOG_LEVEL: 'silent',
      JWT_SECRET: bench.jwtSecret,
    });
    if (process.env['BENCH_HISTORY'] !== '0') await migrationFigures(result, bench.env);

    const { texts, stats } = generateCorpus(ARTICLES);
    const parsed = texts.map((text) => parseAny(text, { format: 'text' }));
    const raw = parsed.map((p, i) => rawRows(p, `raw-${i}`));
    const client = new pg.Client({ connectionString: benchUrl.toString() });
    await client.connect();

    const results = { import: [] as number[], parse: [] as number[], raw: [] as number[] };
    let summaries: ImportSummary[] = [];
    await withContext(async (app) => {
      const runner = app.get(ImportRunner);
      const prisma = app.get(PrismaService);
      const reset = (): Promise<number> => prisma.$executeRawUnsafe('TRUNCATE "Article", "Outbox" CASCADE');
      for (const text of texts.slice(0, 25)) await runner.run({ text, format: 'text' }); // warm-up
      for (let run = 0; run < RUNS; run++) {
        await reset();
        const seconds = await timed(async () => {
          summaries = [];
          for (const text of texts) summaries.push(await runner.run({ text, format: 'text' }));
        });
        results.import.push(ARTICLES / seconds);
        const stored = await prisma.comment.count();
        if (stored !== stats.comments) throw new Error(`expected ${stats.comments} comments, found ${stored}`);

        results.parse.push(ARTICLES / (await timed(() => texts.forEach((t) => parseAny(t, { format: 'text' })))));
        await reset();
        results.raw.push(ARTICLES / (await timed(() => insertAll(client, raw))));
        process.stderr.write(`run ${run + 1}/${RUNS} done\n`);
      }
    });
    await client.end();

    const spread = (xs: number[]): string =>
      `(min ${xs.reduce((a, b) => Math.min(a, b)).toFixed(1)}, max ${xs.reduce((a, b) => Math.max(a, b)).toFixed(1)})`;
    const imp = median(results.import);
    const parse = median(results.parse);
    const insert = median(results.raw);
    const floor = 1 / (1 / parse + 1 / insert);
    const sum = (key: 'anchoredThreads' | 'replies' | 'pageThreads'): number =>
      summaries.reduce((s, x) => s + x[key], 0);
    console.log(
      `import bench: ${ARTICLES} generated articles (${(stats.bytes / 1e6).toFixed(1)} MB), ${stats.comments} legacy comments ` +
        `(${sum('anchoredThreads')} anchored threads, ${sum('replies')} replies, ${sum('pageThreads')} page threads); ` +
        `median of ${RUNS} runs, articles/s`,
    );
    console.log(`  import (CLI path: parse + store)     ${fmt(imp)}  ${spread(results.import)}`);
    console.log(`  baseline: parse only                ${fmt(parse)}  ${spread(results.parse)}`);
    console.log(`  baseline: raw pg INSERT, same rows  ${fmt(insert)}  ${spread(results.raw)}`);
    console.log(`  parse + raw INSERT (combined floor) ${fmt(floor)}`);
    console.log(`  ratio import / parse only           ${(imp / parse).toFixed(2).padStart(8)}×`);
    console.log(`  ratio import / (parse + raw INSERT) ${(imp / floor).toFixed(2).padStart(8)}×`);

    result.setup.push(
      `${ARTICLES} generated articles (${(stats.bytes / 1e6).toFixed(1)} MB), ${stats.comments} legacy comments; ` +
        `median of ${RUNS} runs, sequential like \`pnpm marginalia import <dir>\``,
    );
    result.repeated('baseline: parse only', 'articles/s', results.parse);
    result.repeated('baseline: raw pg INSERT, same rows', 'articles/s', results.raw);
    result.figure({ name: 'baseline: parse + raw INSERT (combined floor)', unit: 'articles/s', median: floor });
    result.figure({
      name: 'import (CLI path: parse + store)',
      unit: 'articles/s',
      median: imp,
      spread: spreadOf(results.import),
      baseline: { name: 'parse + raw INSERT', median: floor },
    });
  } finally {
    await bench?.drop();
  }
  const file = result.write();
  console.log(`machine: ${machineLine(result.machine)}\nresult: ${file}`);
}

async function insertAll(client: pg.Client, rows: RawRows[]): Promise<void> {
  for (const row of rows) await insertRaw(client, row);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
