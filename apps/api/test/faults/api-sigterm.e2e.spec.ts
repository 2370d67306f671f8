import { loadConfig } from '../../src/infra/config/env.js';
import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { SHUTTING_DOWN } from '../../src/infra/shutdown.js';
import { subscribe, type Subscription } from '../support/moderation/e2e-helpers.js';
import { makeArticle } from '../support/factories.js';
import { ApiChild, gqlRequest, stopAll, WorkerChild } from '../support/processes.js';
import { TableLock } from '../support/faults/table-lock.js';
import { exactlyOnceProblems, seedParent, summarize, Traffic, waitAllDecided } from '../support/faults/traffic.js';
import { eventually } from '../support/eventually.js';

const API = 'faults-sigterm-api';

/**
 * The API process gets SIGTERM while readers post and read. It drains: requests it already
 * took are answered (200 with data); a request that arrives while it drains gets the
 * drain answer, 503 with the GraphQL error code SHUTTING_DOWN and `Connection: close`;
 * once it stopped listening, connections are refused (a connection caught in the instant
 * the socket closes may be reset: it was never taken). No other error. Every comment it
 * accepted is moderated by the worker exactly once.
 */
describe('fault: the API is stopped with SIGTERM under load', () => {
  const config = loadConfig(process.env);
  const env = {
    DATABASE_URL: config.DATABASE_URL,
    REDIS_URL: config.REDIS_URL,
    REDIS_PREFIX: `${config.REDIS_PREFIX}:faults-sigterm`,
    SHUTDOWN_TIMEOUT_MS: '60000',
  };
  let prisma: PrismaService;
  let api: ApiChild;
  let lock: TableLock | undefined;
  let traffic: Traffic | undefined;
  let live: Subscription<unknown> | undefined;

  beforeAll(async () => {
    prisma = new PrismaService(config);
    [api] = await Promise.all([ApiChild.start(API, env), WorkerChild.start('faults-sigterm-worker', env)]);
  }, 120_000);
  afterAll(async () => {
    await lock?.close();
    await live?.dispose();
    // Children first: a request to a dead process ends at once.
    await stopAll();
    await traffic?.stop();
    await prisma.$disconnect();
  });

  it('answers the requests it took, refuses the rest cleanly, and loses no comment', async () => {
    const article = await makeArticle(prisma);
    const authors = await Promise.all(Array.from({ length: 12 }, () => api.register()));
    const parentId = await seedParent(prisma, article.id, authors[0]!.userId);
    // An open websocket subscription does not keep the process from stopping.
    live = subscribe(
      api,
      'subscription($id: ID!) { articleEvents(articleId: $id) { commentId } }',
      'articleEvents',
      undefined,
      {
        id: article.id,
      },
    );
    await live.connected;
    traffic = new Traffic({ targets: [api], authors, article, parentId, paceMs: 60, readers: 3 }, 'sigterm');
    await eventually(() => traffic!.accepted().length >= 20, { timeoutMs: 60_000, what: '20 accepted posts' });

    // Hold the posts mid-request (their outbox insert waits on this lock), so several are
    // certainly in flight when the signal comes.
    lock = await TableLock.hold(config.DATABASE_URL, 'Outbox', API, 'posts waiting on the lock', 3);
    const waiting = lock.waiting;
    const heldAt = Date.now();
    api.process.kill('SIGTERM');

    // Draining: a new request is answered at once with the coded 503.
    let probe = await gqlRequest(api.url, '{ __typename }');
    await eventually(
      async () => {
        probe = await gqlRequest(api.url, '{ __typename }');
        return probe.status !== 200;
      },
      { timeoutMs: 60_000, what: 'the drain answer' },
    );
    expect(probe).toMatchObject({ status: 503, errors: [{ extensions: { code: SHUTTING_DOWN } }] });
    expect(api.running).toBe(true);
    await lock.release();
    lock = undefined;

    expect({ exit: await api.exited, log: api.tail() }).toEqual({ exit: 0, log: api.tail() });
    expect(await api.health().catch(() => -1)).toBe(0);
    await traffic.stop();

    const outcomes = summarize(traffic.attempts);
    const unexpected = traffic.attempts.filter(
      (a) =>
        !(a.status === 200 && a.commentId) &&
        !(a.status === 503 && a.code === SHUTTING_DOWN) &&
        a.networkError !== 'ECONNREFUSED' &&
        !(a.networkError === 'ECONNRESET' && a.startedAt > heldAt),
    );
    expect({ unexpected, outcomes }).toEqual({ unexpected: [], outcomes });
    // The posts held in flight when the signal came (at least those seen waiting on the
    // lock) were answered in full.
    const held = traffic.posts().filter((a) => a.startedAt < heldAt && a.endedAt > heldAt && a.status === 200);
    expect(held.length).toBeGreaterThanOrEqual(waiting);

    const audit = await waitAllDecided(prisma, article.id, 'sigterm');
    expect(exactlyOnceProblems(traffic, audit)).toEqual([]);
    // A post that was not accepted left nothing behind.
    const stored = new Set(audit.map((c) => c.body));
    expect(traffic.posts().filter((a) => a.status !== 200 && stored.has(a.body))).toEqual([]);
    expect(audit).toHaveLength(traffic.accepted().length);
  }, 120_000);
});
