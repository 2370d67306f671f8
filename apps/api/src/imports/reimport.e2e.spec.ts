import type { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { TestApi } from '../../test/support/api-client.js';
import { startWorker } from '../../test/support/worker.js';
import { ImportProcessor } from './import.processor.js';
import { adminToken, importAndWait, SEED_DIR } from '../../test/support/imports/import-client.js';
import { isolatedEnv } from '../../test/support/imports/isolated-env.js';
import { LoopbackServer } from '../../test/support/imports/loopback-server.js';
import { eventually } from '../../test/support/eventually.js';

const SEED_001 = readFileSync(path.join(SEED_DIR, '001_2d1773f78bfeacc0.txt'), 'utf8');
const REVISIONS = `query($slug: String!) { article(slug: $slug) { id
  revisions { nodes { version contentHash } } revision { version text } first: revision(version: 1) { version text } } }`;

interface Revisions {
  article: {
    id: string;
    revisions: { nodes: Array<{ version: number; contentHash: string }> };
    revision: { version: number; text: string };
    first: { version: number; text: string };
  };
}

/** The article with its revisions oldest first (the connection pages them newest first). */
type Article = Omit<Revisions['article'], 'revisions'> & { revisions: Array<{ version: number; contentHash: string }> };

function page(paragraph: string): string {
  return `<!doctype html><html><head><title>Margins of error | The Loopback Times</title>
    <meta property="og:site_name" content="The Loopback Times"></head><body>
    <nav><a href="/">Home</a> <a href="/about">About</a></nav>
    <article><h1>Margins of error</h1>
      <p>${paragraph}</p>
      <p>Every reader who has written in a margin knows the small thrill of disagreeing with a printed page,
      and the larger one of finding that someone else disagreed first, in pencil, decades ago.</p>
      <p>Annotations turn a solitary act into a conversation that spans readers and years.</p>
    </article><footer>© The Loopback Times</footer></body></html>`;
}

describe('re-importing an article', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;
  let server: LoopbackServer;
  let token: string;
  let restoreEnv: () => void;
  let lead = 'Readers have always argued with books in their margins, long before anyone printed a comment box.';

  beforeAll(async () => {
    restoreEnv = isolatedEnv('reimport', { IMPORT_ALLOWED_HOSTS: '127.0.0.1' });
    api = await TestApi.start();
    worker = await startWorker();
    prisma = api.app.get(PrismaService);
    token = await adminToken(api);
    server = await LoopbackServer.start({
      '/margins': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(lead)),
    });
  });
  afterAll(async () => {
    await server.close();
    await worker.close();
    await api.close();
    restoreEnv();
  });

  const revisions = async (slug: string): Promise<Article> => {
    const { article } = (await api.gql<Revisions>(REVISIONS, { slug })).data!;
    return { ...article, revisions: [...article.revisions.nodes].reverse() };
  };

  it('adds exactly one revision when the text changed, none when it did not, and re-anchors the threads', async () => {
    const first = await importAndWait(api, token, { text: SEED_001, slug: 'rapprochement' });
    expect(first.status).toBe('SUCCEEDED');
    const again = await importAndWait(api, token, { text: SEED_001, slug: 'rapprochement' });
    expect(again).toMatchObject({ status: 'SUCCEEDED', articleId: first.articleId });
    expect((await revisions('rapprochement')).revisions).toHaveLength(1);

    const edited = SEED_001.replace(
      'U.S.-Russian relations are at one of their lowest points since the end of the Cold War',
      'U.S.-Russian relations are at their lowest point in decades',
    );
    const changed = await importAndWait(api, token, { text: edited, slug: 'rapprochement' });
    expect(changed).toMatchObject({ status: 'SUCCEEDED', articleId: first.articleId });
    const article = await revisions('rapprochement');
    expect(article.revisions.map((r) => r.version)).toEqual([1, 2]);
    expect(article.revision.version).toBe(2);
    expect(article.revision.text).toMatch(/^U\.S\.-Russian relations are at their lowest point in decades/);
    expect(article.first.text).toMatch(/^U\.S\.-Russian relations are at one of their lowest points/);

    // The legacy comments are not imported a second time…
    expect(await prisma.comment.count({ where: { thread: { articleId: article.id } } })).toBe(19);
    // …and re-anchoring of the existing threads onto revision 2 was enqueued through the outbox.
    const v2 = await prisma.articleRevision.findFirstOrThrow({ where: { articleId: article.id, version: 2 } });
    const outbox = await prisma.outbox.findMany({
      where: { jobName: 'reanchor-article', payload: { path: ['articleId'], equals: article.id } },
    });
    expect(outbox.map((o) => o.payload)).toEqual([{ articleId: article.id, revisionId: v2.id }]);
    await eventually(
      async () => {
        const threads = await prisma.thread.findMany({ where: { articleId: article.id, anchorStatus: { not: null } } });
        return threads.length > 0 && threads.every((t) => t.revisionId === v2.id) ? true : undefined;
      },
      { timeoutMs: 10_000, what: 'the anchored threads to move onto revision 2' },
    );

    const unchanged = await importAndWait(api, token, { text: edited, slug: 'rapprochement' });
    expect(unchanged.status).toBe('SUCCEEDED');
    expect((await revisions('rapprochement')).revisions).toHaveLength(2);
    expect(
      await prisma.outbox.count({ where: { jobName: 'reanchor-article', payload: { equals: outbox[0]!.payload! } } }),
    ).toBe(1);
  });

  it('finds an article again by its source URL', async () => {
    const url = server.url('/margins');
    const first = await importAndWait(api, token, { url });
    expect(first).toMatchObject({ status: 'SUCCEEDED', articleSlug: 'margins-of-error' });
    const stored = await prisma.article.findUniqueOrThrow({ where: { id: first.articleId! } });
    expect(stored).toMatchObject({ sourceUrl: url, title: 'Margins of error', siteName: 'The Loopback Times' });

    await importAndWait(api, token, { url });
    expect((await revisions('margins-of-error')).revisions).toHaveLength(1);

    lead = 'Readers argue with books in their margins; now the margins argue back, in threads.';
    const changed = await importAndWait(api, token, { url });
    expect(changed).toMatchObject({ status: 'SUCCEEDED', articleId: first.articleId });
    const article = await revisions('margins-of-error');
    expect(article.revisions).toHaveLength(2);
    expect(article.revision.text).toContain('now the margins argue back');
    expect(article.revision.text).not.toContain('Home');
    expect(server.requests.filter((p) => p === '/margins')).toHaveLength(3);
  });

  it('never duplicates anything when the same job is delivered twice, even at once', async () => {
    const row = await prisma.importJob.create({
      data: { source: 'text', input: { text: SEED_001, slug: 'duplicate-delivery' } },
    });
    const processor = worker.get(ImportProcessor);
    await Promise.all([
      processor.importArticle({ importJobId: row.id }),
      processor.importArticle({ importJobId: row.id }),
    ]);
    // A re-delivery after a crash mid-job (the row still says RUNNING) runs it once more.
    await prisma.importJob.update({ where: { id: row.id }, data: { status: 'RUNNING' } });
    await processor.importArticle({ importJobId: row.id });
    // A delivery of a job already finished changes nothing.
    await processor.importArticle({ importJobId: row.id });

    const articles = await prisma.article.findMany({ where: { slug: { startsWith: 'duplicate-delivery' } } });
    expect(articles).toHaveLength(1);
    const articleId = articles[0]!.id;
    expect(await prisma.articleRevision.count({ where: { articleId } })).toBe(1);
    const comments = await prisma.comment.findMany({ where: { thread: { articleId } } });
    expect(comments).toHaveLength(19);
    expect(new Set(comments.map((c) => c.legacyNumber)).size).toBe(19);
    const threads = await prisma.thread.findMany({ where: { articleId } });
    expect(threads.reduce((sum, t) => sum + t.commentCount, 0)).toBe(19);
    expect(threads.every((t) => t.commentCount === comments.filter((c) => c.threadId === t.id).length)).toBe(true);
    for (const comment of comments) {
      expect(comment.replyCount).toBe(comments.filter((c) => c.parentId === comment.id).length);
    }
    expect(await prisma.importJob.findUnique({ where: { id: row.id } })).toMatchObject({
      status: 'SUCCEEDED',
      articleId,
    });
  });

  it('turns two simultaneous imports of the same text into one article', async () => {
    const text =
      'Twin arrivals\n\nTwo admins pressed import at the same moment.\n\nOnly one article should come of it.';
    const [a, b] = await Promise.all([importAndWait(api, token, { text }), importAndWait(api, token, { text })]);
    expect(a.status).toBe('SUCCEEDED');
    expect(b).toMatchObject({ status: 'SUCCEEDED', articleId: a.articleId, articleSlug: 'twin-arrivals' });
    expect(await prisma.articleRevision.count({ where: { articleId: a.articleId! } })).toBe(1);
  });
});
