import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '../../infra/config/env.js';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { JobQueue } from '../../infra/queue/job-queue.js';
import { makeArticle } from '../../../test/support/factories.js';
import { startWorker } from '../../../test/support/worker.js';
import { PendingSweeper } from './pending-sweeper.js';
import { eventually } from '../../../test/support/eventually.js';

/**
 * A comment whose moderation job was lost (written and handed over, then the job vanished
 * with Redis's data) is found by the sweeper and decided exactly once, even when the sweeper
 * hands it over again later; a comment that is only young is left to its own job.
 */
describe('PendingSweeper', () => {
  const age = loadConfig(process.env).MODERATION_SWEEP_AGE_MS;
  let worker: INestApplicationContext;
  let prisma: PrismaService;

  beforeAll(async () => {
    worker = await startWorker();
    prisma = worker.get(PrismaService);
  });
  afterAll(() => worker.close());

  const pendingComment = async (articleId: string, authorId: string, writtenAt: Date): Promise<string> => {
    const thread = await prisma.thread.create({ data: { articleId } });
    const comment = await prisma.comment.create({
      data: { threadId: thread.id, authorId, bodySource: 'Lost in the margin.', bodyHtml: '<p>Lost</p>' },
    });
    // No outbox row and no job: exactly what is left once Redis lost the job.
    await prisma.$executeRaw`
      UPDATE "Comment" SET "createdAt" = ${writtenAt}, "updatedAt" = ${writtenAt} WHERE id = ${comment.id}::uuid`;
    return comment.id;
  };

  it('hands a stale PENDING comment over again, and the worker decides it once', async () => {
    const article = await makeArticle(prisma);
    const stamp = Date.now();
    const author = await prisma.user.create({
      data: { email: `sweep-${stamp}@x.test`, handle: `sweep_${stamp}`, displayName: 'S', passwordHash: 'x' },
    });
    const now = Date.now();
    const stale = await pendingComment(article.id, author.id, new Date(now - age - 60_000));
    const young = await pendingComment(article.id, author.id, new Date(now - age / 2));
    const sweeper = worker.get(PendingSweeper);
    const queue = worker.get(JobQueue).queue('moderation');
    const window = Math.floor(now / age);

    expect(await sweeper.sweep(now)).toBeGreaterThanOrEqual(1);
    expect(await queue.getJob(`sweep-${stale}-${window}`)).toBeDefined();
    expect(await queue.getJob(`sweep-${young}-${window}`)).toBeUndefined();

    await eventually(
      async () => (await prisma.comment.findUniqueOrThrow({ where: { id: stale } })).status !== 'PENDING',
      { timeoutMs: 30_000, what: 'the stale comment to be decided' },
    );
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: young } })).status).toBe('PENDING');
    // A later pass (next window) hands nothing over for it: it is no longer PENDING.
    await sweeper.sweep(now + age);
    expect(await queue.getJob(`sweep-${stale}-${window + 1}`)).toBeUndefined();
    // Even a duplicate hand-over (a job that was only late) decides nothing twice.
    const duplicate = await worker
      .get(JobQueue)
      .add('moderate-comment', { commentId: stale }, `sweep-${stale}-duplicate-${stamp}`);
    await eventually(async () => (await duplicate.getState()) === 'completed', {
      timeoutMs: 30_000,
      what: 'the duplicate job to finish',
    });

    const decisions = await prisma.moderationAction.count({ where: { commentId: stale, actorId: null } });
    expect(decisions).toBe(1);
  }, 60_000);
});
