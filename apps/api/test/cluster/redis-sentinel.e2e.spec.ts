import { DiscussionStack, expectSharedRateLimit, postAndSeePublished } from './discussion-flow.js';
import { LocalRedisSentinel, SENTINEL_NAME } from './redis-sentinel.js';

/**
 * Marginalia on a Redis primary with a replica under three Sentinels (REDIS_SENTINELS): a
 * comment goes through the queue to the worker's decision and out as a live event to another
 * API process's subscriber; rate limits count across processes; and all of it goes on after
 * the primary is killed and the Sentinels promote the replica.
 */
describe('on Redis under Sentinel', () => {
  let set: LocalRedisSentinel;
  let stack: DiscussionStack;

  beforeAll(async () => {
    set = await LocalRedisSentinel.start();
    process.env['REDIS_SENTINELS'] = set.seeds;
    process.env['REDIS_SENTINEL_NAME'] = SENTINEL_NAME;
    // Pointing REDIS_URL nowhere proves every connection found the primary through the Sentinels.
    process.env['REDIS_URL'] = 'redis://127.0.0.1:1';
    stack = await DiscussionStack.start();
  }, 90_000);
  afterAll(async () => {
    await stack?.stop();
    await set?.stop();
  }, 60_000);

  it('posts, decides in the worker and delivers the live event to another API process', async () => {
    await postAndSeePublished(stack.apis, 'Posted through the primary the Sentinels named.');
  });

  it('counts a rate limit across API processes', async () => {
    await expectSharedRateLimit(stack.apis, 'sentinel-test');
  });

  it('goes on after the primary dies and the Sentinels promote its replica', async () => {
    const before = await set.primaryPort();
    const promoted = await set.failOver();
    expect(promoted).not.toBe(before);
    await postAndSeePublished(stack.apis, 'Posted after a failover.');
  }, 90_000);
});
