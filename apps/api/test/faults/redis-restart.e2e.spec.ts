import { loadConfig } from '../../src/infra/config/env.js';
import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { subscribe, type Subscription } from '../support/moderation/e2e-helpers.js';
import { makeArticle } from '../support/factories.js';
import { ApiChild, RedisServer, stopAll, WorkerChild, type ProcessEnv } from '../support/processes.js';
import {
  auditComments,
  exactlyOnceProblems,
  seedParent,
  summarize,
  Traffic,
  waitAllDecided,
  type Author,
} from '../support/faults/traffic.js';
import { eventually } from '../support/eventually.js';

/** A post is answered within this while Redis is down (it must not wait for Redis). */
const PROMPT_MS = 2000;

/**
 * Redis (a server of the test's own, without persistence) is killed twice while comments are
 * posted. The first time, moderation jobs are still waiting in it (no worker has started yet):
 * they die with it while their outbox rows are marked handed over, and the worker's sweeper
 * hands the comments over again. Posts sent while Redis is down are accepted and answered
 * promptly, before Redis is back: the rate limit falls back to memory, the live event is
 * dropped and the job is left to the outbox relay. The second time the worker is running and
 * rides the restart out. The API and the worker reconnect by themselves (/health recovers),
 * the API's event subscriber resubscribes (a live subscription open throughout hears of a
 * comment posted and decided after the restarts), and every comment, before, during and
 * after the outages, is moderated exactly once.
 */
describe('fault: Redis is restarted while comments are posted', () => {
  const config = loadConfig(process.env);
  let redis: RedisServer;
  let prisma: PrismaService;
  let env: ProcessEnv;
  let api: ApiChild;
  let worker: WorkerChild | undefined;
  let live: Subscription<{ commentId: string | null; status: string | null }> | undefined;
  const phases: Traffic[] = [];

  beforeAll(async () => {
    prisma = new PrismaService(config);
    redis = await RedisServer.start();
    env = {
      DATABASE_URL: config.DATABASE_URL,
      REDIS_URL: redis.url,
      REDIS_PREFIX: `${config.REDIS_PREFIX}:faults-redis`,
    };
    api = await ApiChild.start('faults-redis-api', env);
  }, 120_000);
  afterAll(async () => {
    await live?.dispose();
    // Children first: a request to a dead process ends at once.
    await stopAll();
    await Promise.all(phases.map((p) => p.stop()));
    await redis?.stop();
    await prisma.$disconnect();
  });

  it('accepts posts promptly through the outage, and moderates each exactly once, lost jobs included', async () => {
    const article = await makeArticle(prisma);
    const authors: Author[] = await Promise.all(Array.from({ length: 8 }, () => api.register()));
    const parentId = await seedParent(prisma, article.id, authors[0]!.userId);
    const phase = (name: string): Traffic => {
      const traffic = new Traffic(
        { targets: [api], authors, article, parentId, paceMs: 50, postsPerAuthor: 3 },
        `redis-${name}`,
      );
      phases.push(traffic);
      return traffic;
    };
    // Open from the start to the end, through both outages.
    const listener = await api.register();
    live = subscribe(
      api,
      'subscription($id: ID!) { articleEvents(articleId: $id) { commentId status } }',
      'articleEvents',
      listener.token,
      { id: article.id },
    );
    await live.connected;
    const slowest = (traffic: Traffic): number => Math.max(...traffic.posts().map((a) => a.endedAt - a.startedAt));

    // No worker yet: every job of these posts waits in Redis when it is killed.
    const before = phase('before');
    await before.posted();
    const waiting = await auditComments(prisma, article.id, 'redis-before');
    expect(waiting.map((c) => c.status)).toEqual(Array.from({ length: 24 }, () => 'PENDING'));

    await redis.kill();
    const during = phase('during');
    // Every post is answered while Redis is still down, and promptly.
    await during.posted();
    expect({ outcomes: summarize(during.attempts), prompt: slowest(during) < PROMPT_MS }).toEqual({
      outcomes: 'thread 200 ok ×16, reply 200 ok ×8',
      prompt: true,
    });
    expect(await api.health()).toBe(503);
    await redis.resume();

    // The sweeper hands over the comments whose jobs died with Redis once they are 3 s old.
    worker = await WorkerChild.start('faults-redis-worker', {
      ...env,
      MODERATION_SWEEP_AGE_MS: '3000',
      MODERATION_SWEEP_INTERVAL_MS: '500',
    });
    const after = phase('after');
    // Second outage, with the worker running: it reconnects by itself.
    await eventually(() => after.accepted().length >= 8, {
      timeoutMs: 60_000,
      what: '8 posts accepted after the first outage',
    });
    await redis.kill();
    await eventually(async () => (await api.health()) === 503, {
      timeoutMs: 10_000,
      what: 'the API to report Redis down',
    });
    await redis.resume();
    await after.posted();

    expect({ api: api.running, worker: worker.running }).toEqual({ api: true, worker: true });
    await eventually(async () => (await api.health()) === 200, {
      timeoutMs: 30_000,
      what: 'the API to be healthy again',
    });
    for (const [name, traffic] of [
      ['before', before],
      ['during', during],
      ['after', after],
    ] as const) {
      const audit = await waitAllDecided(prisma, article.id, `redis-${name}`);
      const outcomes = summarize(traffic.attempts);
      expect({ name, outcomes, problems: exactlyOnceProblems(traffic, audit), stored: audit.length }).toEqual({
        name,
        outcomes: 'thread 200 ok ×16, reply 200 ok ×8',
        problems: [],
        stored: 24,
      });
    }
    // A comment posted now, after both restarts, reaches the subscription opened before them
    // (its author's: they hear of it while PENDING and once decided): the API's subscriber
    // resubscribed.
    const posted = await api.gql<{ createThread: { comments: Array<{ id: string }> } }>(
      'mutation($input: CreateThreadInput!) { createThread(input: $input) { comments { id } } }',
      { input: { articleId: article.id, body: 'After both restarts.' } },
      listener.token,
    );
    const lateId = posted.data?.createThread.comments[0]?.id;
    expect(lateId).toEqual(expect.any(String));
    await eventually(() => live!.events.some((e) => e.commentId === lateId && e.status !== 'PENDING'), {
      timeoutMs: 30_000,
      what: 'the live subscription to hear of the decision on a comment posted after the restarts',
    });
    expect(live.errors).toEqual([]);
  }, 120_000);
});
