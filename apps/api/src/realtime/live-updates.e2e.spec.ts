import type { INestApplicationContext } from '@nestjs/common';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { startWorker } from '../../test/support/worker.js';
import { eventually } from '../../test/support/eventually.js';
import { subscribeEvents, type ReceivedEvent } from '../../test/support/comments/events.js';

describe('live updates across API processes', () => {
  let first: TestApi;
  let second: TestApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    [first, second] = await Promise.all([TestApi.start(), TestApi.start()]);
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker.close();
    await Promise.all([first.close(), second.close()]);
  });

  it('delivers a comment posted on one process to subscribers of another, filtered by visibility', async () => {
    const prisma = first.app.get(PrismaService);
    const article = await makeArticle(prisma);
    const author = await first.register();
    const [anonymous, own] = await Promise.all([
      subscribeEvents(second, article.id),
      subscribeEvents(second, article.id, author.token),
    ]);
    const seen = (events: ReceivedEvent[]) =>
      events.map(({ type, commentId, status }) => ({ type, commentId, status }));

    const posted = await first.gql<{ createThread: { comments: Array<{ id: string }> } }>(
      'mutation($input: CreateThreadInput!) { createThread(input: $input) { comments { id } } }',
      { input: { articleId: article.id, body: 'Live from the margin' } },
      author.token,
    );
    const commentId = posted.data!.createThread.comments[0]!.id;

    await eventually(async () => (anonymous.events.some((e) => e.status === 'PUBLISHED') ? true : undefined), {
      timeoutMs: 10_000,
      what: 'the published event',
    });
    expect(seen(anonymous.events)).toEqual([{ type: 'COMMENT_STATUS_CHANGED', commentId, status: 'PUBLISHED' }]);
    await eventually(async () => (own.events.length >= 2 ? true : undefined), {
      timeoutMs: 5_000,
      what: 'the author’s events',
    });
    expect(seen(own.events)).toEqual([
      { type: 'COMMENT_ADDED', commentId, status: 'PENDING' },
      { type: 'COMMENT_STATUS_CHANGED', commentId, status: 'PUBLISHED' },
    ]);
    await Promise.all([anonymous.close(), own.close()]);
  });

  it('refuses a websocket whose token is forged', async () => {
    const article = await makeArticle(first.app.get(PrismaService));
    const outcome = await new Promise<string>((resolve) => {
      const client = createClient({
        url: `${first.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: 'Bearer forged.token.value' },
        retryAttempts: 0,
        on: { closed: () => resolve('closed') },
      });
      client.subscribe(
        { query: 'subscription($id: ID!) { articleEvents(articleId: $id) { type } }', variables: { id: article.id } },
        { next: () => resolve('delivered'), error: () => resolve('closed'), complete: () => resolve('complete') },
      );
    });
    expect(outcome).toBe('closed');
  });
});
