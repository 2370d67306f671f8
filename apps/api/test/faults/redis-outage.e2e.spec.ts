import type { INestApplicationContext } from '@nestjs/common';
import { OutboxService } from '../../src/infra/outbox/outbox.service.js';
import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { JobQueue } from '../../src/infra/queue/job-queue.js';
import { TestApi } from '../support/api-client.js';
import { makeArticle } from '../support/factories.js';
import { startWorker } from '../support/worker.js';
import { postComment, waitForAll } from '../support/moderation/e2e-helpers.js';

/**
 * Redis unreachable while comments are posted: the API's queue connection is closed, so
 * every enqueue fails. Comments must still be accepted (PENDING, with their outbox rows),
 * then moderated exactly once when a worker's relay hands the rows over.
 */
describe('fault: the queue is unreachable while comments are posted', () => {
  let api: TestApi;
  let worker: INestApplicationContext | undefined;
  let prisma: PrismaService;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  it('accepts every comment and moderates each exactly once after the relay catches up', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    await api.app.get(JobQueue).queue('moderation').close();

    const ids: string[] = [];
    const bodies = [
      'Lanterns help.',
      'Candles flicker nicely.',
      'Moonlight reads well',
      'A torch, perhaps?',
      'Stars suffice.',
    ];
    for (const body of bodies) ids.push(await postComment(api, author.token, article.id, body));
    const rows = await prisma.comment.findMany({ where: { id: { in: ids } } });
    expect(rows.map((r) => r.status)).toEqual(Array(5).fill('PENDING'));
    const outbox = await prisma.outbox.findMany({
      where: { jobName: 'moderate-comment', payload: { path: ['commentId'], string_contains: '' } },
    });
    const mine = outbox.filter((o) => ids.includes((o.payload as { commentId: string }).commentId));
    expect(mine).toHaveLength(5);
    // The failed hand-over is recorded and left to the relay.
    for (const row of mine) expect(row).toMatchObject({ dispatchedAt: null, attempts: 1 });
    expect(mine.every((row) => (row.lastError ?? '').length > 0)).toBe(true);

    worker = await startWorker();
    await waitForAll(prisma, ids, 'PUBLISHED');
    const dispatched = await prisma.outbox.findMany({ where: { id: { in: mine.map((o) => o.id) } } });
    expect(dispatched.every((o) => o.dispatchedAt !== null)).toBe(true);

    // Redelivery: a relay that crashed before marking its rows hands them over again, and a
    // duplicate job slips through under a new id. Neither decides a second time.
    await prisma.outbox.updateMany({ where: { id: { in: mine.map((o) => o.id) } }, data: { dispatchedAt: null } });
    await worker.get(OutboxService).dispatch(mine.map((o) => o.id));
    const jobs = worker.get(JobQueue);
    await Promise.all(ids.map((commentId) => jobs.add('moderate-comment', { commentId }, `duplicate-${commentId}`)));
    await new Promise((r) => setTimeout(r, 1000));
    const audit = await prisma.moderationAction.groupBy({
      by: ['commentId'],
      where: { commentId: { in: ids } },
      _count: { _all: true },
    });
    expect(audit.map((a) => a._count._all)).toEqual(Array(5).fill(1));
    const user = await prisma.user.findUniqueOrThrow({ where: { id: author.userId } });
    expect(user.commentCount).toBe(5);
    const threads = await prisma.thread.findMany({ where: { articleId: article.id } });
    expect(threads.map((t) => t.commentCount)).toEqual(Array(5).fill(1));
  });
});
