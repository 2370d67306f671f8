import type { INestApplicationContext } from '@nestjs/common';
import { MAX_IMPORT_BYTES, parseAny } from '@marginalia/content';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { JobQueue } from '../infra/queue/job-queue.js';
import { TestApi } from '../../test/support/api-client.js';
import { startWorker } from '../../test/support/worker.js';
import { ArticleStore } from './article-store.js';
import { adminToken, importAndWait, type JobView } from '../../test/support/imports/import-client.js';
import { isolatedEnv } from '../../test/support/imports/isolated-env.js';
import { closedPort, LoopbackServer, send } from '../../test/support/imports/loopback-server.js';

describe('imports of bad input fail with a clear reason and write nothing', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;
  let server: LoopbackServer;
  let token: string;
  let restoreEnv: () => void;
  let flaky = 0;

  beforeAll(async () => {
    // Loopback test servers are reachable only through the allow-list; [::1] stays refused.
    restoreEnv = isolatedEnv('bad-input', { IMPORT_ALLOWED_HOSTS: '127.0.0.1', IMPORT_FETCH_TIMEOUT_MS: '2000' });
    api = await TestApi.start();
    worker = await startWorker();
    prisma = api.app.get(PrismaService);
    token = await adminToken(api);
    server = await LoopbackServer.start({
      '/empty-page': send('text/html', '<html><body><script>track()</script><img src="a.png"></body></html>'),
      '/image': send('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])),
      '/flaky': (_req, res) => {
        if (++flaky < 3) return void res.writeHead(503).end();
        res
          .writeHead(200, { 'content-type': 'text/plain' })
          .end('A page that came back\n\nIt failed twice before it answered.');
      },
    });
  });
  afterAll(async () => {
    await server.close();
    await worker.close();
    await api.close();
    restoreEnv();
  });

  /** How many times BullMQ ran the job (its id is the outbox row's). */
  async function attempts(job: JobView): Promise<number> {
    const outbox = await prisma.outbox.findFirstOrThrow({
      where: { jobName: 'import-article', payload: { equals: { importJobId: job.id } } },
    });
    const queued = await api.app.get(JobQueue).queue('import').getJob(outbox.id);
    return queued!.attemptsMade;
  }

  function expectFailed(job: JobView, code: string, message: RegExp): void {
    expect(job.status).toBe('FAILED');
    expect(job.error).toMatch(new RegExp(`^${code}: `));
    expect(job.error).toMatch(message);
    expect(job.articleId).toBeNull();
    expect(job.articleSlug).toBeNull();
  }

  it('fails an empty text at once, without retrying', async () => {
    const job = await importAndWait(api, token, { text: '  \n\n \t ' });
    expectFailed(job, 'EMPTY', /empty/);
    expect(await attempts(job)).toBe(1);
  });

  it('fails binary data', async () => {
    const controls = Array.from({ length: 200 }, (_, i) => String.fromCharCode(1 + (i % 8))).join('');
    expectFailed(await importAndWait(api, token, { text: `PK${controls}` }), 'BINARY', /binary/);
    // NUL cannot even be stored as the job's input: the job is failed when it is asked for.
    const requested = await api.gql<{ importArticle: JobView }>(
      'mutation($input: ImportArticleInput!) { importArticle(input: $input) { id status error articleId } }',
      { input: { text: 'GIF89a\u0000\u0001\u0000' } },
      token,
    );
    expect(requested.data?.importArticle).toMatchObject({ status: 'FAILED', articleId: null });
    expect(requested.data?.importArticle.error).toMatch(/^BINARY: .*NUL/);
    // …and a bundle that spells NUL as a JSON escape is refused before anything is stored.
    const bundle = JSON.stringify({
      format: 'marginalia.bundle',
      version: 1,
      article: { title: 'Nul', blocks: [{ kind: 'paragraph', text: 'Fine text.' }] },
      comments: [{ number: 1, authorName: 'x', postedAt: '2020-01-01T00:00:00Z', body: 'a\u0000b' }],
    });
    expectFailed(await importAndWait(api, token, { bundle }), 'BINARY', /NUL.*comments\[0\]\.body/);
  });

  it('fails unsupported types: a PDF given as text, an image behind a URL', async () => {
    expectFailed(await importAndWait(api, token, { text: '%PDF-1.7\n1 0 obj\n<< >>\n' }), 'UNSUPPORTED_FORMAT', /PDF/);
    const image = await importAndWait(api, token, { url: server.url('/image') });
    expectFailed(image, 'UNSUPPORTED_TYPE', /image\/png/);
    expect(await attempts(image)).toBe(1);
  });

  it(`fails a body over the cap of ${MAX_IMPORT_BYTES} bytes`, async () => {
    // 1.1 million two-byte characters: under the input's character limit, over the byte cap.
    const job = await importAndWait(api, token, { text: `Big\n\n${'é'.repeat(1_100_000)}` });
    expectFailed(job, 'TOO_LARGE', /limit is 2097152 bytes/);
  });

  it('fails HTML with nothing readable, whether given or fetched', async () => {
    expectFailed(
      await importAndWait(api, token, { html: '<div><script>alert(1)</script><style>p{}</style></div>' }),
      'NOTHING_READABLE',
      /no readable text/,
    );
    expectFailed(await importAndWait(api, token, { url: server.url('/empty-page') }), 'NOTHING_READABLE', /readable/);
  });

  it('fails an invalid bundle, naming the field', async () => {
    const bundle = JSON.stringify({
      format: 'marginalia.bundle',
      version: 1,
      article: { title: 'T', blocks: [{ kind: 'paragraph', text: 'x' }] },
      comments: [{ number: 1, authorName: 'a', postedAt: 'yesterday', body: 'b' }],
    });
    expectFailed(await importAndWait(api, token, { bundle }), 'INVALID_BUNDLE', /comments\[0\]\.postedAt/);
  });

  it('retries an unreachable URL, then fails it saying so', async () => {
    const job = await importAndWait(api, token, { url: `http://127.0.0.1:${await closedPort()}/gone` }, 20_000);
    expectFailed(job, 'UNREACHABLE', /ECONNREFUSED.*gave up after 3 attempt/);
    expect(await attempts(job)).toBe(3);
  });

  it('retries a transient failure until it passes', async () => {
    const job = await importAndWait(api, token, { url: server.url('/flaky') }, 20_000);
    expect(job).toMatchObject({ status: 'SUCCEEDED', error: null, progress: 100 });
    expect(flaky).toBe(3);
    expect(await attempts(job)).toBe(3); // two failed attempts, then the one that passed
  });

  it('refuses a loopback address the allow-list does not name, before connecting', async () => {
    const before = server.requests.length;
    const job = await importAndWait(api, token, { url: `http://[::1]:${server.port}/image` });
    expectFailed(job, 'BLOCKED_ADDRESS', /::1, a loopback address.*IMPORT_ALLOWED_HOSTS/);
    expect(await attempts(job)).toBe(1);
    expect(server.requests.length).toBe(before);
  });

  it('refuses bad requests before queueing anything', async () => {
    const two = await api.gql(
      'mutation($input: ImportArticleInput!) { importArticle(input: $input) { id } }',
      { input: { text: 'a', markdown: 'b' } },
      token,
    );
    expect(two.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const ftp = await api.gql(
      'mutation($input: ImportArticleInput!) { importArticle(input: $input) { id } }',
      { input: { url: 'ftp://127.0.0.1/file' } },
      token,
    );
    expect(ftp.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
  });

  it('leaves nothing half-written when the store fails part-way (one transaction)', async () => {
    const parsed = parseAny('Half written\n\nA paragraph that would be stored.\n\nAnd another one.', {
      format: 'text',
    });
    // A comment PostgreSQL refuses (NUL) fails the transaction after the article and revision were written.
    parsed.comments = [{ number: 1, authorName: 'x', postedAt: '2020-01-01T00:00:00Z', bodyMarkdown: 'a\u0000b' }];
    await expect(worker.get(ArticleStore).store(parsed, { slug: 'half-written' })).rejects.toThrow();
    expect(await prisma.article.findUnique({ where: { slug: 'half-written' } })).toBeNull();
    expect(await prisma.articleRevision.count({ where: { article: { slug: 'half-written' } } })).toBe(0);
  });

  it('is for admins only', async () => {
    const reader = await api.register();
    const res = await api.gql(
      'mutation { importArticle(input: { text: "Title\\n\\nBody text." }) { id } }',
      {},
      reader.token,
    );
    expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
