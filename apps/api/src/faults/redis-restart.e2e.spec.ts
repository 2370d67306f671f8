import { loadConfig } from '../infra/config/env.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { makeArticle } from '../test/factories.js';
import { ApiChild, RedisServer, stopAll, WorkerChild } from '../test/processes.js';
import {
  exactlyOnceProblems,
  seedParent,
  summarize,
  Traffic,
  until,
  waitAllDecided,
  type Author,
} from './testing/traffic.js';

/**
 * Redis (a server of the test's own, without persistence) is killed while comments are
 * posted, stays down until the API's health check reports it, and starts again on the same
 * port. Posts sent during the outage are accepted: they wait for Redis (the comment rate
 * limit and the live event queue their commands until it is back) and are answered 200
 * once it returns. The API and the worker reconnect by themselves (/health recovers), and
 * every comment, before, during and after the outage, is moderated exactly once.
 */
describe('fault: Redis is restarted while comments are posted', () => {
  const config = loadConfig(process.env);
  let redis: RedisServer;
  let prisma: PrismaService;
  let api: ApiChild;
  let worker: WorkerChild;
  const phases: Traffic[] = [];

  beforeAll(async () => {
    prisma = new PrismaService(config);
    redis = await RedisServer.start();
    const env = {
      DATABASE_URL: config.DATABASE_URL,
      REDIS_URL: redis.url,
      REDIS_PREFIX: `${config.REDIS_PREFIX}:faults-redis`,
    };
    [api, worker] = await Promise.all([
      ApiChild.start('faults-redis-api', env),
      WorkerChild.start('faults-redis-worker', env),
    ]);
  }, 120_000);
  afterAll(async () => {
    // Children first: a request to a dead process ends at once.
    await stopAll();
    await Promise.all(phases.map((p) => p.stop()));
    await redis?.stop();
    await prisma.$disconnect();
  });

  it('accepts posts through the outage and moderates each exactly once after it', async () => {
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

    const before = phase('before');
    await before.posted();
    // Jobs waiting in a Redis without persistence die with it (their outbox rows are already
    // marked handed over): let the worker take them all before the kill.
    await waitAllDecided(prisma, article.id, 'redis-before');
    expect(await api.health()).toBe(200);

    await redis.kill();
    const during = phase('during');
    // The outage lasts until the API's health check reports it (its Redis probe times out).
    expect(await api.health()).toBe(503);
    await redis.resume();
    await during.posted();
    const after = phase('after');
    await after.posted();

    expect({ api: api.running, worker: worker.running }).toEqual({ api: true, worker: true });
    await until(async () => (await api.health()) === 200, 'the API to be healthy again', 30_000);
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
  }, 120_000);
});
