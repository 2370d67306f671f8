import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { REDIS } from '../../infra/redis/redis.module.js';
import { errorCode, TestApi } from '../../../test/support/api-client.js';
import { eventually } from '../../../test/support/eventually.js';
import { makeArticle } from '../../../test/support/factories.js';
import { LoopbackServer, send } from '../../../test/support/imports/loopback-server.js';
import { withEnv } from '../../../test/support/with-env.js';
import { startWorker } from '../../../test/support/worker.js';

const EMBED_ARTICLE = `query($siteId: ID!, $url: String!) {
  embedArticle(siteId: $siteId, url: $url) { state url articleId slug commentsOpen }
}`;

interface EmbedView {
  state: 'READY' | 'PENDING';
  url: string;
  articleId: string | null;
  slug: string | null;
  commentsOpen: boolean;
}

const STORY = `<!doctype html><html><head><title>Tides of the estuary</title></head><body>
<nav>Home · World · Science</nav>
<article data-marginalia-article><h1>Tides of the estuary</h1>
<p>The river meets the sea twice a day, and the mud flats answer with a smell of salt and iron.</p>
<p>Fishermen read the water as others read a newspaper, column by column, from the margins in.</p>
</article></body></html>`;

describe('the embed: articles by URL, and pages only the site may frame', () => {
  let api: TestApi;
  let prisma: PrismaService;
  let worker: INestApplicationContext;
  let host: LoopbackServer;
  let site: { id: string; premod: boolean };

  beforeAll(async () => {
    host = await LoopbackServer.start({ '/2026/tides': send('text/html; charset=utf-8', STORY) });
    const dist = mkdtempSync(path.join(tmpdir(), 'web-dist-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>client</title>');
    writeFileSync(path.join(dist, 'embed.js'), 'window.MarginaliaLoaded = true;');
    api = await withEnv({ WEB_DIST: dist }, () => TestApi.start());
    prisma = api.app.get(PrismaService);
    worker = await startWorker();
    site = await prisma.site.create({
      data: { name: 'Loopback Times', origins: [host.url('/').slice(0, -1)], ssoSecret: 'x', premod: true },
      select: { id: true, premod: true },
    });
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await host.close();
  });

  /** The once-per-URL marks of queued imports expire after a quarter of an hour; a test cannot wait. */
  const redisForgetImports = async (): Promise<void> => {
    const redis = api.app.get<Redis>(REDIS);
    const keys = await redis.keys(`${process.env['REDIS_PREFIX']}:embed-import:*`);
    if (keys.length > 0) await redis.del(...keys);
  };
  const embedArticle = (url: string, siteId = site.id) =>
    api.gql<{ embedArticle: EmbedView }>(EMBED_ARTICLE, { siteId, url });

  it('finds an imported article by its URL without query or fragment, and makes it the site’s', async () => {
    const article = await makeArticle(prisma);
    const url = host.url(`/known-${randomBytes(3).toString('hex')}`);
    await prisma.article.update({ where: { id: article.id }, data: { sourceUrl: url } });
    const result = await embedArticle(`${url}?utm_source=feed#comments`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.embedArticle).toEqual({
      state: 'READY',
      url,
      articleId: article.id,
      slug: article.slug,
      commentsOpen: true,
    });
    expect(await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({
      siteId: site.id,
      premod: true,
    });
  });

  it('imports an unknown page of a registered origin once, and answers PENDING until it lands', async () => {
    const url = host.url('/2026/tides');
    const first = await embedArticle(url);
    expect(first.errors).toBeUndefined();
    expect(first.data!.embedArticle).toMatchObject({ state: 'PENDING', url, articleId: null });
    const second = await embedArticle(url);
    expect(second.data!.embedArticle.state).toMatch(/PENDING|READY/);
    expect(await prisma.importJob.count({ where: { source: url } })).toBe(1);

    const ready = await eventually(
      async () => {
        const result = await embedArticle(url);
        return result.data?.embedArticle.state === 'READY' && result.data.embedArticle;
      },
      { what: 'the import of the page', timeoutMs: 20_000 },
    );
    const stored = await prisma.article.findUniqueOrThrow({
      where: { id: ready.articleId! },
      include: { currentRevision: true },
    });
    expect(stored.siteId).toBe(site.id);
    // The element the publisher marked is the article; the navigation around it is not.
    expect(stored.currentRevision!.canonicalText).toContain('Fishermen read the water');
    expect(stored.currentRevision!.canonicalText).not.toContain('Home · World');
  });

  it('imports a page again an hour after its last import, keeping it READY meanwhile', async () => {
    const url = host.url('/2026/tides');
    await eventually(async () => (await embedArticle(url)).data?.embedArticle.state === 'READY');
    await prisma.importJob.updateMany({
      where: { source: url },
      data: { createdAt: new Date(Date.now() - 2 * 3600_000) },
    });
    await redisForgetImports();
    const again = await embedArticle(url);
    expect(again.data!.embedArticle.state).toBe('READY');
    expect(await prisma.importJob.count({ where: { source: url } })).toBe(2);
    expect(
      await prisma.importJob.count({ where: { source: url, createdAt: { gt: new Date(Date.now() - 60_000) } } }),
    ).toBe(1);
  });

  it('refuses a page of an origin the site did not register, and an unknown site', async () => {
    const other = await embedArticle('https://elsewhere.example/story');
    expect(errorCode(other)).toBe('ORIGIN_NOT_REGISTERED');
    expect(await prisma.importJob.count({ where: { source: 'https://elsewhere.example/story' } })).toBe(0);
    expect(errorCode(await embedArticle(host.url('/a'), '00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    expect(errorCode(await embedArticle('javascript:alert(1)'))).toBe('BAD_USER_INPUT');
  });

  it('lets only the site’s origins frame the embed pages, and any page load embed.js', async () => {
    for (const page of ['/embed/panel', '/embed/discussion']) {
      const framed = await fetch(`${api.url}${page}?site=${site.id}`);
      expect(await framed.text()).toContain('<title>client</title>');
      const policy = framed.headers.get('content-security-policy')!;
      expect(policy).toContain(`frame-ancestors ${host.url('/').slice(0, -1)}`);
      expect(policy).not.toContain("frame-ancestors 'none'");
      expect(policy).toContain("default-src 'self'");
      expect(framed.headers.get('x-frame-options')).toBeNull();

      const unknown = await fetch(`${api.url}${page}?site=00000000-0000-4000-8000-000000000000`);
      expect(unknown.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(unknown.headers.get('x-frame-options')).toBe('DENY');
    }
    const reader = await fetch(`${api.url}/a/some-article`);
    expect(reader.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(reader.headers.get('cross-origin-opener-policy')).toBe('same-origin');

    // The sign-in popup keeps its opener (the frame on the publisher's page) but is never framed.
    const popup = await fetch(`${api.url}/embed/sign-in?mode=login`);
    expect(await popup.text()).toContain('<title>client</title>');
    expect(popup.headers.get('cross-origin-opener-policy')).toBe('unsafe-none');
    expect(popup.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(popup.headers.get('x-frame-options')).toBe('DENY');

    const loader = await fetch(`${api.url}/embed.js`);
    expect(loader.status).toBe(200);
    expect(loader.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(await loader.text()).toContain('MarginaliaLoaded');
  });
});
