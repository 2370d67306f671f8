import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { RateLimiter } from '../../src/infra/redis/rate-limiter.js';
import type { INestApplicationContext } from '@nestjs/common';
import { TestApi } from '../support/api-client.js';
import { subscribeEvents } from '../support/comments/events.js';
import { eventually } from '../support/eventually.js';
import { makeArticle } from '../support/factories.js';
import { startWorker } from '../support/worker.js';

/**
 * Two API processes and a worker on whatever Redis process.env names (the spec sets
 * REDIS_CLUSTER_NODES or REDIS_SENTINELS first).
 */
export class DiscussionStack {
  private constructor(
    readonly apis: [TestApi, TestApi],
    private readonly worker: INestApplicationContext,
  ) {}

  static async start(): Promise<DiscussionStack> {
    const apis = (await Promise.all([TestApi.start(), TestApi.start()])) as [TestApi, TestApi];
    return new DiscussionStack(apis, await startWorker());
  }

  async stop(): Promise<void> {
    await this.worker.close();
    await Promise.all(this.apis.map((api) => api.close()));
  }
}

const POST = 'mutation($input: CreateThreadInput!) { createThread(input: $input) { comments { id } } }';

/**
 * A reader posts through one API process; the worker decides; a subscriber on the other API
 * process hears that the comment was published. Every hop goes through Redis: the queue, the
 * worker's event, the relay to the second process.
 */
export async function postAndSeePublished([first, second]: [TestApi, TestApi], body: string): Promise<void> {
  const article = await makeArticle(first.app.get(PrismaService));
  const author = await first.register();
  const watcher = await subscribeEvents(second, article.id);
  try {
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
  } finally {
    await watcher.close();
  }
}

/** A limit of 3 spent across both API processes: the fourth use, on either, is refused. */
export async function expectSharedRateLimit([first, second]: [TestApi, TestApi], name: string): Promise<void> {
  const [a, b] = [first, second].map((api) => api.app.get(RateLimiter)) as [RateLimiter, RateLimiter];
  const key = `${name}-${Date.now()}`;
  await a.consume(name, key, 3, 60);
  await b.consume(name, key, 3, 60);
  await a.consume(name, key, 3, 60);
  await expect(b.consume(name, key, 3, 60)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
}
