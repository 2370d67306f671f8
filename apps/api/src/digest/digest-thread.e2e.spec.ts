import { loadConfig } from '../infra/config/env.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { DigestService } from './digest.service.js';
import { TestApi } from '../../test/support/api-client.js';
import { TWO_TOPICS, writeComment } from '../../test/support/digest/discussion.js';
import { eventually } from '../../test/support/eventually.js';
import { makeArticle } from '../../test/support/factories.js';
import { stopAll, WorkerChild } from '../../test/support/processes.js';

const DIGEST = 'query($articleId: ID!) { articleDigest(articleId: $articleId) { commentCount } }';

/**
 * The worker as deployed builds digests in a thread of its own (DIGEST_BUILD_THREAD, on by
 * default): here a worker child process, run from the sources with the TypeScript loader,
 * builds the digest an in-process API asks for. Jest's own runs build on the main thread
 * (global-setup.ts); the digest must be the same either way.
 */
describe('digests built in the worker thread', () => {
  const config = loadConfig(process.env);
  const saved = process.env['DIGEST_DEBOUNCE_MS'];
  let api: TestApi;
  let prisma: PrismaService;
  let worker: WorkerChild;

  beforeAll(async () => {
    process.env['DIGEST_DEBOUNCE_MS'] = '300';
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
    worker = await WorkerChild.start('digest-thread-worker', {
      DATABASE_URL: config.DATABASE_URL,
      REDIS_URL: config.REDIS_URL,
      REDIS_PREFIX: config.REDIS_PREFIX,
      DIGEST_BUILD_THREAD: 'true',
      DIGEST_DEBOUNCE_MS: '300',
      LOG_LEVEL: 'info',
    });
  });
  afterAll(async () => {
    await stopAll();
    await api.close();
    if (saved === undefined) delete process.env['DIGEST_DEBOUNCE_MS'];
    else process.env['DIGEST_DEBOUNCE_MS'] = saved;
  });

  /** The digest row, once the worker child has stored it. */
  const storedDigest = (articleId: string) =>
    eventually(async () => (await prisma.articleDigest.findUnique({ where: { articleId } })) ?? undefined, {
      timeoutMs: 30_000,
      what: () => `the worker child to build the digest:\n${worker.tail()}`,
    });

  it('builds in its thread the digest the main thread builds from the same comments', async () => {
    const article = await makeArticle(prisma);
    for (const [author, body] of TWO_TOPICS) await writeComment(prisma, article.id, author, body);

    // The first read finds no digest and asks for one; the worker child builds it.
    const first = await api.gql<{ articleDigest: unknown }>(DIGEST, { articleId: article.id });
    expect(first.data!.articleDigest).toBeNull();
    const stored = await storedDigest(article.id);
    // The job logs once the row is stored; its line may still be on its way.
    await eventually(
      () => worker.logs().some((line) => line['msg'] === 'digest rebuilt' && line['articleId'] === article.id),
      { what: () => `the worker child to log the build:\n${worker.tail()}` },
    );
    expect(worker.logs().filter((line) => line['msg'] === 'digest thread started')).toHaveLength(1);

    const local = await api.app.get(DigestService).rebuild(article.id);
    expect(local.themes).toHaveLength(2);
    expect(stored.digest).toEqual(
      JSON.parse(
        JSON.stringify({ themes: local.themes, openQuestions: local.openQuestions, coverage: local.coverage }),
      ),
    );
  });

  it('keeps its thread for the next build', async () => {
    const article = await makeArticle(prisma);
    for (const [author, body] of TWO_TOPICS.slice(0, 5)) await writeComment(prisma, article.id, author, body);
    await api.gql(DIGEST, { articleId: article.id });
    const stored = await storedDigest(article.id);
    expect(stored.commentCount).toBe(5);
    expect(worker.logs().filter((line) => line['msg'] === 'digest thread started')).toHaveLength(1);
  });
});
