import type { INestApplicationContext } from '@nestjs/common';
import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { queuePrefixOf } from '../../src/infra/redis/redis-client.js';
import { RateLimiter } from '../../src/infra/redis/rate-limiter.js';
import { loadConfig } from '../../src/infra/config/env.js';
import { TestApi } from '../support/api-client.js';
import { eventually } from '../support/eventually.js';
import { makeArticle } from '../support/factories.js';
import { subscribeEvents } from '../support/comments/events.js';
import { startWorker } from '../support/worker.js';
import { LocalRedisCluster } from './redis-cluster.js';

const POST = 'mutation($input: CreateThreadInput!) { createThread(input: $input) { comments { id } } }';

/**
 * Marginalia on a Redis Cluster (three primaries, each with a replica): a comment goes through
 * the queue to the worker's decision and out as a live event to another API process's
 * subscriber; rate limits count across processes; and all of it goes on after the primary
 * holding the queues is killed and its replica takes over.
 */
describe('on a Redis Cluster', () => {
  let cluster: LocalRedisCluster;
  let apis: TestApi[];
  let worker: INestApplicationContext;

  beforeAll(async () => {
    cluster = await LocalRedisCluster.start(3);
    process.env['REDIS_CLUSTER_NODES'] = cluster.seeds;
    // Pointing REDIS_URL nowhere proves nothing falls back to a single server.
    process.env['REDIS_URL'] = 'redis://127.0.0.1:1';
    apis = await Promise.all([TestApi.start(), TestApi.start()]);
    worker = await startWorker();
  }, 90_000);
  afterAll(async () => {
    await worker?.close();
    await Promise.all((apis ?? []).map((api) => api.close()));
    await cluster?.stop();
  }, 60_000);

  async function postAndSeePublished(body: string): Promise<void> {
    const [first, second] = apis as [TestApi, TestApi];
    const article = await makeArticle(first.app.get(PrismaService));
    const author = await first.register();
    const watcher = await subscribeEvents(second, article.id);
    const posted = await first.gql<{ createThread: { comments: Array<{ id: string }> } }>(
      POST,
      { input: { articleId: article.id, body } },
      author.token,
    );
    expect(posted.errors).toBeUndefined();
    const commentId = posted.data!.createThread.comments[0]!.id;
    await eventually(() => watcher.events.some((e) => e.commentId === commentId && e.status === 'PUBLISHED'), {
      timeoutMs: 30_000,
      what: () => `the published event (have ${JSON.stringify(watcher.events)})`,
    });
    await watcher.close();
  }

  it('posts, decides in the worker and delivers the live event to another API process', async () => {
    await postAndSeePublished('Posted through a cluster.');
  });

  it('counts a rate limit across API processes', async () => {
    const [a, b] = apis.map((api) => api.app.get(RateLimiter)) as [RateLimiter, RateLimiter];
    const key = `cluster-${Date.now()}`;
    await a.consume('cluster-test', key, 3, 60);
    await b.consume('cluster-test', key, 3, 60);
    await a.consume('cluster-test', key, 3, 60);
    await expect(b.consume('cluster-test', key, 3, 60)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('goes on after the primary holding the queues fails over to its replica', async () => {
    const queueKey = `${queuePrefixOf(loadConfig(process.env))}:moderation:wait`;
    const primary = await cluster.primaryOf(queueKey);
    const promoted = await cluster.failOver(primary);
    await eventually(async () => (await cluster.primaryOf(queueKey)) === promoted, {
      timeoutMs: 30_000,
      what: 'the replica serving the queues’ slot',
    });
    await postAndSeePublished('Posted after a failover.');
  }, 90_000);
});
