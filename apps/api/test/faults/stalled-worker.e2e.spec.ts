import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import pg from 'pg';
import { loadConfig } from '../../src/infra/config/env.js';
import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { JOBS } from '../../src/infra/queue/jobs.js';
import { eventually } from '../support/eventually.js';
import { makeArticle } from '../support/factories.js';
import { waitForStatus } from '../support/moderation/e2e-helpers.js';
import { WorkerChild } from '../support/processes.js';

const CHILD = 'stalled-worker-child';

/**
 * A worker killed (SIGKILL) in the middle of a moderation job: BullMQ notices the job's
 * lock expired, puts the job back, and another worker runs it; the decision is applied
 * exactly once. Worker and job live under their own Redis prefix so no other spec's
 * worker can take the job, and lock/stall timings are shortened through the config.
 */
describe('fault: a worker dies mid-job', () => {
  const config = loadConfig(process.env);
  const prefix = `${config.REDIS_PREFIX}:stall`;
  const timings = { QUEUE_LOCK_DURATION_MS: '1000', QUEUE_STALLED_INTERVAL_MS: '300' };
  let prisma: PrismaService;
  let queue: Queue;
  let child: WorkerChild | undefined;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    prisma = new PrismaService(config);
    queue = new Queue('moderation', { connection: { url: config.REDIS_URL }, prefix: `${prefix}:bull` });
  });
  afterAll(async () => {
    await child?.stop('SIGKILL');
    await worker?.close();
    await queue.close();
    await prisma.$disconnect();
  });

  it('recovers the job after the stall interval and applies its effect once', async () => {
    const article = await makeArticle(prisma);
    const author = await prisma.user.create({
      data: {
        email: `stall-${Date.now()}@example.test`,
        handle: `stall_${Date.now()}`,
        displayName: 'Stall',
        passwordHash: 'x',
      },
    });
    const thread = await prisma.thread.create({ data: { articleId: article.id } });
    const comment = await prisma.comment.create({
      data: {
        threadId: thread.id,
        authorId: author.id,
        bodySource: 'Survives a crash.',
        bodyHtml: '<p>Survives a crash.</p>',
      },
    });

    // Hold the comment's row so the first worker blocks inside its decision transaction.
    const blocker = new pg.Client({ connectionString: config.DATABASE_URL });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT id FROM "Comment" WHERE id = $1 FOR UPDATE', [comment.id]);

    await queue.add(
      'moderate-comment',
      { commentId: comment.id },
      { ...JOBS['moderate-comment'].options, jobId: comment.id },
    );
    // Its database sessions carry the name CHILD, so the spec can find (and end) exactly them.
    child = await WorkerChild.start(CHILD, {
      DATABASE_URL: config.DATABASE_URL,
      REDIS_URL: config.REDIS_URL,
      REDIS_PREFIX: prefix,
      ...timings,
    });

    // The job is active and its worker is waiting on our row lock: kill it there. (Asked on
    // another connection: inside the blocker's transaction pg_stat_activity is a frozen snapshot.)
    const blocked = async (): Promise<boolean> => {
      const [row] = await prisma.$queryRaw<Array<{ n: number }>>`
        SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = ${CHILD} AND wait_event_type = 'Lock'`;
      return (row?.n ?? 0) > 0 && (await queue.getJobState(comment.id)) === 'active';
    };
    await eventually(blocked, { timeoutMs: 45_000, intervalMs: 100 }).catch(async () => {
      await blocker.end();
      throw new Error(`the child worker never reached the job:\n${child!.tail()}`);
    });
    await child.stop('SIGKILL');
    // A backend waiting on a lock only notices its client is gone once it gets the lock, and
    // would then finish the statement; end it as the crash would have, so the job's effect
    // is certainly not applied by the dead worker.
    await blocker.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
      [CHILD],
    );
    await blocker.query('COMMIT');
    await blocker.end();
    expect(await queue.getJobState(comment.id)).toBe('active');
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } })).status).toBe('PENDING');

    // A second worker, with a short stall interval, finds the orphaned job and runs it.
    const saved = { ...process.env };
    Object.assign(process.env, timings, { REDIS_PREFIX: prefix });
    try {
      const { startWorker } = await import('../support/worker.js');
      worker = await startWorker();
    } finally {
      process.env = saved;
    }
    await waitForStatus(prisma, comment.id, 'PUBLISHED', 15_000);
    const job = await queue.getJob(comment.id);
    expect(job?.stalledCounter).toBe(1);
    const audit = await prisma.moderationAction.findMany({ where: { commentId: comment.id } });
    expect(audit).toEqual([
      expect.objectContaining({ action: 'PIPELINE', fromStatus: 'PENDING', toStatus: 'PUBLISHED' }),
    ]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: author.id } })).commentCount).toBe(1);
    expect((await prisma.thread.findUniqueOrThrow({ where: { id: thread.id } })).commentCount).toBe(1);
  }, 60_000);
});
