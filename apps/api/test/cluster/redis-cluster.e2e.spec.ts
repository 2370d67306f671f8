import { queuePrefixOf } from '../../src/infra/redis/redis-client.js';
import { loadConfig } from '../../src/infra/config/env.js';
import { eventually } from '../support/eventually.js';
import { DiscussionStack, expectSharedRateLimit, postAndSeePublished } from './discussion-flow.js';
import { LocalRedisCluster } from './redis-cluster.js';

/**
 * Marginalia on a Redis Cluster (three primaries, each with a replica): a comment goes through
 * the queue to the worker's decision and out as a live event to another API process's
 * subscriber; rate limits count across processes; and all of it goes on after the primary
 * holding the queues is killed and its replica takes over.
 */
describe('on a Redis Cluster', () => {
  let cluster: LocalRedisCluster;
  let stack: DiscussionStack;

  beforeAll(async () => {
    cluster = await LocalRedisCluster.start(3);
    process.env['REDIS_CLUSTER_NODES'] = cluster.seeds;
    // Pointing REDIS_URL nowhere proves nothing falls back to a single server.
    process.env['REDIS_URL'] = 'redis://127.0.0.1:1';
    stack = await DiscussionStack.start();
  }, 90_000);
  afterAll(async () => {
    await stack?.stop();
    await cluster?.stop();
  }, 60_000);

  it('posts, decides in the worker and delivers the live event to another API process', async () => {
    await postAndSeePublished(stack.apis, 'Posted through a cluster.');
  });

  it('counts a rate limit across API processes', async () => {
    await expectSharedRateLimit(stack.apis, 'cluster-test');
  });

  it('goes on after the primary holding the queues fails over to its replica', async () => {
    const queueKey = `${queuePrefixOf(loadConfig(process.env))}:moderation:wait`;
    const primary = await cluster.primaryOf(queueKey);
    const promoted = await cluster.failOver(primary);
    await eventually(async () => (await cluster.primaryOf(queueKey)) === promoted, {
      timeoutMs: 30_000,
      what: 'the replica serving the queues’ slot',
    });
    await postAndSeePublished(stack.apis, 'Posted after a failover.');
  }, 90_000);
});
