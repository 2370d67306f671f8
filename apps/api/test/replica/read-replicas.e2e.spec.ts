import { randomBytes } from 'node:crypto';
import { toleratingLag } from '../../src/infra/prisma/lag-tolerance.js';
import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { migrate } from '../../src/infra/prisma/migrate.js';
import { TestApi } from '../support/api-client.js';
import { eventually } from '../support/eventually.js';
import { withEnv } from '../support/with-env.js';
import { makeArticle } from '../support/factories.js';
import { LocalPostgresReplica } from './postgres-replica.js';

const THREADS = `query($slug: String!) { article(slug: $slug) { id threads { comments { id status isOwn } } } }`;
const POST = 'mutation($input: CreateThreadInput!) { createThread(input: $input) { comments { id status } } }';

interface ThreadsData {
  article: { id: string; threads: Array<{ comments: Array<{ id: string; status: string }> }> } | null;
}

/**
 * Marginalia with a streaming read replica (DATABASE_REPLICA_URLS): reads that tolerate lag
 * are served by the replica, a viewer who just wrote reads the primary, writes never reach the
 * replica, and reads go to the primary while the replica is down. Replay on the replica is
 * paused to make its lag visible: what it serves then stands still.
 */
describe('with a read replica', () => {
  let pg: LocalPostgresReplica;
  let api: TestApi;
  let prisma: PrismaService;
  const database = `marginalia_replica_${randomBytes(3).toString('hex')}`;
  const saved = { url: process.env['DATABASE_URL'], replicas: process.env['DATABASE_REPLICA_URLS'] };

  beforeAll(async () => {
    pg = await LocalPostgresReplica.start();
    await pg.createDatabase(database);
    await migrate(pg.primaryUrl(database));
    process.env['DATABASE_URL'] = pg.primaryUrl(database);
    process.env['DATABASE_REPLICA_URLS'] = pg.replicaUrl(database);
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await pg?.stop();
    process.env['DATABASE_URL'] = saved.url;
    if (saved.replicas === undefined) delete process.env['DATABASE_REPLICA_URLS'];
    else process.env['DATABASE_REPLICA_URLS'] = saved.replicas;
  }, 60_000);

  const comments = (data: ThreadsData | null | undefined): string[] =>
    data?.article?.threads.flatMap((t) => t.comments.map((c) => c.id)) ?? [];

  /** An article the replica has replayed, so a reader finds it there. */
  async function replicatedArticle(): Promise<{ id: string; slug: string }> {
    const article = await makeArticle(prisma);
    await eventually(async () => (await api.gql<ThreadsData>(THREADS, { slug: article.slug })).data?.article, {
      what: 'the article on the replica',
    });
    return article;
  }

  /** Posts a page comment as `token` and publishes it (the worker's decision, written straight to the primary). */
  async function postPublished(articleId: string, token: string): Promise<string> {
    const posted = await api.gql<{ createThread: { comments: Array<{ id: string }> } }>(
      POST,
      { input: { articleId, body: `Posted at ${Date.now()}.` } },
      token,
    );
    expect(posted.errors).toBeUndefined();
    const id = posted.data!.createThread.comments[0]!.id;
    await prisma.comment.update({ where: { id }, data: { status: 'PUBLISHED' } });
    return id;
  }

  it('serves lag-tolerant reads from the replica and the writer’s own reads from the primary', async () => {
    const article = await replicatedArticle();
    const author = await api.register();
    const reader = await api.register();
    await pg.pauseReplay();
    try {
      // The replica never replays this comment while paused; the write itself succeeded on the
      // primary (the replica is read-only: a write sent there would fail).
      const id = await postPublished(article.id, author.token);
      const anonymous = await api.gql<ThreadsData>(THREADS, { slug: article.slug });
      expect(anonymous.errors).toBeUndefined();
      expect(comments(anonymous.data)).not.toContain(id);
      const otherReader = await api.gql<ThreadsData>(THREADS, { slug: article.slug }, reader.token);
      expect(comments(otherReader.data)).not.toContain(id);
      // Right after posting, the author sees the comment: their reads stay on the primary.
      const own = await api.gql<ThreadsData>(THREADS, { slug: article.slug }, author.token);
      expect(comments(own.data)).toContain(id);
      // The public W3C container, read anonymously, comes from the replica too.
      const container = async (): Promise<string> => (await fetch(`${api.url}/annotations/${article.slug}/`)).text();
      expect(await container()).toContain(article.slug);
      expect(await container()).not.toContain(id);
      // An article created meanwhile is not on the replica either.
      const fresh = await makeArticle(prisma);
      expect((await api.gql<ThreadsData>(THREADS, { slug: fresh.slug })).data?.article).toBeNull();
      expect(await pg.replicaClients(database)).toContain('marginalia-replica-reads');
      const health = (await (await fetch(`${api.url}/health`)).json()) as {
        info: { replicas: { replicas: Array<{ reachable: boolean; lagSeconds: number | null }> } };
      };
      expect(health.info.replicas.replicas).toEqual([
        { name: expect.any(String), reachable: true, lagSeconds: expect.any(Number) },
      ]);
      expect(health.info.replicas.replicas[0]!.lagSeconds).toBeGreaterThan(0);
    } finally {
      await pg.resumeReplay();
    }
    await eventually(
      async () => comments((await api.gql<ThreadsData>(THREADS, { slug: article.slug })).data).length > 0,
      { what: 'the comment on the replica once replay resumes' },
    );
  });

  it('sends only reads made through `reads` inside toleratingLag to the replica, never a write', async () => {
    const article = await replicatedArticle();
    await pg.pauseReplay();
    try {
      const renamed = `Renamed ${Date.now()}`;
      const byId = { where: { id: article.id }, select: { title: true } } as const;
      const titles = await toleratingLag(async () => {
        // A write inside a lag-tolerant read goes to the primary (the replica would refuse it).
        await prisma.article.update({ where: { id: article.id }, data: { title: renamed } });
        // Same model, same shape, same tick: Prisma batches such calls into one statement,
        // which must not carry the primary's read to the replica.
        return Promise.all([prisma.reads.article.findUnique(byId), prisma.article.findUnique(byId)]);
      });
      expect(titles.map((t) => t?.title)).toEqual(['Writing in the margins', renamed]);
      expect((await prisma.reads.article.findUnique(byId))?.title).toBe(renamed);
    } finally {
      await pg.resumeReplay();
    }
  });

  it('reads from the primary while the replica is down', async () => {
    const article = await replicatedArticle();
    const author = await api.register();
    await pg.stopReplica();
    try {
      const id = await postPublished(article.id, author.token);
      const anonymous = await api.gql<ThreadsData>(THREADS, { slug: article.slug });
      expect(anonymous.errors).toBeUndefined();
      expect(comments(anonymous.data)).toContain(id);
      const health = await fetch(`${api.url}/health`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as { info: { replicas: { replicas: unknown[] } } }).info.replicas.replicas).toEqual(
        [{ name: expect.any(String), reachable: false, lagSeconds: null }],
      );
    } finally {
      await pg.startReplica();
    }
  });

  it('moves reads off a replica further behind than DATABASE_REPLICA_MAX_LAG_SECONDS', async () => {
    // Last: passport keeps one "jwt" strategy per process, the last application's, and closing
    // this second application would leave the first signing in through a closed pool.
    const strict = await withEnv({ DATABASE_REPLICA_MAX_LAG_SECONDS: '1' }, () => TestApi.start());
    try {
      const article = await replicatedArticle();
      const author = await api.register();
      await pg.pauseReplay();
      try {
        const id = await postPublished(article.id, author.token);
        // Replay stands still: the replica is ever further behind, and the anonymous read moves to the primary.
        await eventually(
          async () => comments((await strict.gql<ThreadsData>(THREADS, { slug: article.slug })).data).includes(id),
          {
            what: 'the comment read from the primary once the replica is 1 s behind',
          },
        );
        expect(await pg.onReplica(database, id)).toBe(false);
      } finally {
        await pg.resumeReplay();
      }
    } finally {
      await strict.close();
    }
  });
});
