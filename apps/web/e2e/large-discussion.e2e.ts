/**
 * A discussion too large to read whole (1,200 threads, past the reader's 1,000): the first
 * view brings the highlight map and summaries near the top only, more summaries load as the
 * reader scrolls, and a thread opened from its highlight loads whole.
 */
import type { Browser, Page, Request } from 'playwright-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser.ts';

const PARAGRAPHS = 60;
const PER_PARAGRAPH = 20;
const WORDS = 'margin reader passage argument evidence history treaty policy comment context question answer'.split(
  ' ',
);

/** An article of 60 paragraphs and 20 two-comment threads on each, written straight to the database. */
async function seedLargeArticle(slug: string): Promise<{ lastThreadId: string; lastReply: string }> {
  const paragraphs = Array.from({ length: PARAGRAPHS }, (_, p) =>
    Array.from({ length: 60 }, (_, w) => WORDS[(p * 7 + w * 3) % WORDS.length]).join(' '),
  );
  let offset = 0;
  const blocks = paragraphs.map((text) => {
    const block = { kind: 'paragraph', text, start: offset, end: offset + text.length };
    offset += text.length + 2;
    return block;
  });
  const text = paragraphs.join('\n\n');
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    const {
      rows: [article],
    } = await client.query<{ id: string }>(
      `INSERT INTO "Article" (id, slug, title, "updatedAt") VALUES (gen_random_uuid(), $1, 'A very long argument', now()) RETURNING id`,
      [slug],
    );
    const {
      rows: [revision],
    } = await client.query<{ id: string }>(
      `INSERT INTO "ArticleRevision" (id, "articleId", version, blocks, "canonicalText", "contentHash")
       VALUES (gen_random_uuid(), $1, 1, $2, $3, md5($3)) RETURNING id`,
      [article!.id, JSON.stringify(blocks.map(({ kind, text: t }) => ({ kind, text: t }))), text],
    );
    await client.query(`UPDATE "Article" SET "currentRevisionId" = $1 WHERE id = $2`, [revision!.id, article!.id]);
    // Thread i sits on paragraph i / 20, 12 characters at slot i % 20.
    const starts = blocks.flatMap((b) => Array.from({ length: PER_PARAGRAPH }, (_, k) => b.start + k * 18));
    await client.query(
      `INSERT INTO "Thread" (id, "articleId", anchor, "originalAnchor", "anchorStatus", "anchorScore", "anchorStart",
         "revisionId", "commentCount", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, a, a, 'ANCHORED', 1, s, $2::uuid, 2, now() - (i || ' seconds')::interval, now()
       FROM unnest($3::int[]) WITH ORDINALITY AS u(s, i),
         LATERAL (SELECT jsonb_build_object('revisionId', $2::uuid::text, 'position', jsonb_build_object('start', s, 'end', s + 12),
           'quote', jsonb_build_object('exact', substr($4::text, s + 1, 12), 'prefix', '', 'suffix', ''))) AS x(a)`,
      [article!.id, revision!.id, starts, text],
    );
    await client.query(
      `INSERT INTO "Comment" (id, "threadId", "legacyAuthor", "bodySource", "bodyHtml", status, "replyCount", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), t.id, 'Reader ' || t."anchorStart", 'Opening ' || t."anchorStart",
         '<p>Opening ' || t."anchorStart" || '</p>', 'PUBLISHED', 1, t."createdAt", now()
       FROM "Thread" t WHERE t."articleId" = $1`,
      [article!.id],
    );
    await client.query(
      `INSERT INTO "Comment" (id, "threadId", "parentId", "legacyAuthor", "bodySource", "bodyHtml", status, "createdAt", "updatedAt")
       SELECT gen_random_uuid(), c."threadId", c.id, 'Replier', 'Reply ' || t."anchorStart",
         '<p>Reply ' || t."anchorStart" || '</p>', 'PUBLISHED', c."createdAt" + interval '1 second', now()
       FROM "Comment" c JOIN "Thread" t ON t.id = c."threadId" WHERE t."articleId" = $1`,
      [article!.id],
    );
    await client.query('ANALYZE "Thread", "Comment"');
    const last = starts.at(-1)!;
    const {
      rows: [thread],
    } = await client.query<{ id: string }>(`SELECT id FROM "Thread" WHERE "articleId" = $1 AND "anchorStart" = $2`, [
      article!.id,
      last,
    ]);
    return { lastThreadId: thread!.id, lastReply: `Reply ${last}` };
  } finally {
    await client.end();
  }
}

const operationOf = (request: Request): string | null =>
  request.method() === 'POST' && request.url().endsWith('/graphql')
    ? (/(?:query|mutation)\s+(\w+)/.exec(request.postData() ?? '')?.[1] ?? null)
    : null;

describe('a very large discussion', () => {
  let browser: Browser;
  let page: Page;
  const slug = `very-long-${Date.now().toString(36)}`;
  let seeded: { lastThreadId: string; lastReply: string };
  const operations: string[] = [];

  beforeAll(async () => {
    seeded = await seedLargeArticle(slug);
    browser = await launchBrowser();
    ({ page } = await newPage(browser));
    page.on('request', (request) => {
      const operation = operationOf(request);
      if (operation) operations.push(operation);
    });
  });
  afterAll(() => browser.close());

  it('first draws the map and the summaries near the top, not every thread', async () => {
    const answer = page.waitForResponse((r) => operationOf(r.request()) === 'Article');
    await page.goto(`/a/${slug}`);
    const first = (await (await answer).json()) as {
      data: { article: { threads: unknown; highlightMap: unknown[]; threadSummaries: { nodes: unknown[] } } };
    };
    expect(first.data.article.threads).toBeNull();
    expect(first.data.article.highlightMap.length).toBeGreaterThan(PARAGRAPHS);
    expect(first.data.article.threadSummaries.nodes.length).toBeLessThan(PARAGRAPHS * PER_PARAGRAPH);
    await page.getByRole('heading', { level: 1, name: 'A very long argument' }).waitFor();
    await page.locator('.margin .thread-card').first().waitFor();
    expect(await page.locator('mark[data-threads^="range:"]').count()).toBeGreaterThan(PARAGRAPHS);
    const lastCard = page.locator(`.margin [data-thread-id="${seeded.lastThreadId}"]`);
    expect(await lastCard.count()).toBe(0);
  });

  it('loads more summaries as the reader scrolls down, rendering only cards near the viewport', async () => {
    const answers: string[] = [];
    page.on('response', (response) => {
      if (operationOf(response.request()) === 'ThreadSummaries') void response.text().then((t) => answers.push(t));
    });
    await page.locator('.article-body [data-start]').last().scrollIntoViewIfNeeded();
    await expect.poll(() => answers.some((a) => a.includes(seeded.lastThreadId)), { timeout: 15_000 }).toBe(true);
    // Margin cards cascade below their passages; only those near the viewport are in the page.
    await expect.poll(() => page.locator('.margin .thread-card').count()).toBeGreaterThan(0);
    expect(await page.locator('.margin .thread-card').count()).toBeLessThan(120);
  });

  it('opens a thread from its highlight and loads it whole', async () => {
    await page.locator('mark[data-threads^="range:"]').last().click();
    const expanded = page.locator('.margin .thread-card.is-expanded');
    await expanded.getByText(seeded.lastReply, { exact: true }).waitFor();
    expect(operations).toContain('Thread');
  });
});
