import type { INestApplicationContext } from '@nestjs/common';
import { Redis } from 'ioredis';
import { TestApi } from '../../../test/support/api-client.js';
import { freePort } from '../../../test/support/processes.js';
import { startWorker } from '../../../test/support/worker.js';
import { loadConfig } from '../config/env.js';
import { DomainError } from '../errors/domain-error.js';
import { RateLimiter } from './rate-limiter.js';
import { FAIL_FAST_OPTIONS, REDIS } from './redis.module.js';

/**
 * With Redis unreachable, a limit is still kept (in the process's memory) and answered at
 * once: neither fail open, nor wait for Redis. And only the API's command connection fails
 * fast; the worker's waits for Redis to come back.
 */
describe('RateLimiter while Redis is unreachable', () => {
  const config = loadConfig(process.env);
  let down: Redis;

  beforeAll(async () => {
    // Nothing listens on this port (and the connection gives up at once, so no reconnect
    // timer outlives the test).
    down = new Redis(`redis://127.0.0.1:${await freePort()}`, { ...FAIL_FAST_OPTIONS, retryStrategy: () => null });
    down.on('error', () => undefined);
  });
  afterAll(() => {
    // Once it gave up, disconnecting would only arm a timer on the dead socket.
    if (down.status !== 'end') down.disconnect();
  });

  const rateLimited = async (promise: Promise<void>): Promise<unknown> =>
    promise.then(
      () => 'allowed',
      (error: unknown) => (error instanceof DomainError ? { code: error.code, ...error.details } : error),
    );

  it('counts in memory, promptly, and refuses past the limit', async () => {
    const limiter = new RateLimiter(down, config);
    const started = Date.now();
    const answers = [];
    for (let n = 0; n < 4; n++) answers.push(await rateLimited(limiter.consume('test', 'alice', 3, 60)));
    // Another key has its own window.
    answers.push(await rateLimited(limiter.consume('test', 'bob', 3, 60)));
    expect(answers).toEqual([
      'allowed',
      'allowed',
      'allowed',
      { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) },
      'allowed',
    ]);
    expect(Date.now() - started).toBeLessThan(1000);
    // reset clears the local window too, and does not throw.
    await limiter.reset('test', 'alice');
    expect(await rateLimited(limiter.consume('test', 'alice', 3, 60))).toBe('allowed');
  });

  describe('command connections', () => {
    let api: TestApi;
    let worker: INestApplicationContext;
    beforeAll(async () => {
      [api, worker] = await Promise.all([TestApi.start(), startWorker()]);
    });
    afterAll(async () => {
      await Promise.all([api?.close(), worker?.close()]);
    });

    it('fail fast in the API and wait Redis out in the worker', () => {
      const options = (app: INestApplicationContext) => {
        const { enableOfflineQueue, maxRetriesPerRequest } = app.get<Redis>(REDIS).options;
        return { enableOfflineQueue, maxRetriesPerRequest };
      };
      expect({ api: options(api.app), worker: options(worker) }).toEqual({
        api: { enableOfflineQueue: false, maxRetriesPerRequest: 1 },
        worker: { enableOfflineQueue: true, maxRetriesPerRequest: null },
      });
    });
  });
});
