import { Queue } from 'bullmq';
import { loadConfig } from '../../src/infra/config/env.js';
import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { makeArticle } from '../support/factories.js';
import { ApiChild, stopAll, WorkerChild } from '../support/processes.js';
import { TableLock } from '../support/faults/table-lock.js';
import { exactlyOnceProblems, seedParent, Traffic, waitAllDecided } from '../support/faults/traffic.js';
import { eventually } from '../support/eventually.js';

const WORKER = 'faults-wterm-worker-a';

/**
 * A worker gets SIGTERM while it holds moderation jobs. It finishes them before it lets go
 * of its database pool: they complete (none fails, none is left to another worker's stall
 * check), the process exits 0, and a worker started later moderates the rest, each comment
 * exactly once.
 */
describe('fault: a worker is stopped with SIGTERM while it holds jobs', () => {
  const config = loadConfig(process.env);
  const env = {
    DATABASE_URL: config.DATABASE_URL,
    REDIS_URL: config.REDIS_URL,
    REDIS_PREFIX: `${config.REDIS_PREFIX}:faults-wterm`,
    SHUTDOWN_TIMEOUT_MS: '60000',
  };
  let prisma: PrismaService;
  let api: ApiChild;
  let worker: WorkerChild;
  let lock: TableLock | undefined;
  let traffic: Traffic | undefined;

  beforeAll(async () => {
    prisma = new PrismaService(config);
    [api, worker] = await Promise.all([ApiChild.start('faults-wterm-api', env), WorkerChild.start(WORKER, env)]);
  }, 120_000);
  afterAll(async () => {
    await lock?.close();
    // Children first: a request to a dead process ends at once.
    await stopAll();
    await traffic?.stop();
    await prisma.$disconnect();
  });

  it('finishes the jobs it holds, exits cleanly, and loses no comment', async () => {
    const article = await makeArticle(prisma);
    const authors = await Promise.all(Array.from({ length: 6 }, () => api.register()));
    const parentId = await seedParent(prisma, article.id, authors[0]!.userId);
    traffic = new Traffic({ targets: [api], authors, article, parentId, paceMs: 40 }, 'wterm');
    await eventually(() => traffic!.accepted().length >= 10, { timeoutMs: 60_000, what: '10 accepted posts' });

    lock = await TableLock.hold(config.DATABASE_URL, 'ModerationAction', WORKER, 'the worker to hold a job');
    worker.process.kill('SIGTERM');
    await worker.waitFor((out) => out.includes('SIGTERM received'), 'the worker to start draining');
    await lock.release();
    lock = undefined;
    expect({ exit: await worker.exited, log: worker.tail() }).toEqual({ exit: 0, log: worker.tail() });
    const failures = worker.logs().filter((line) => Number(line['level']) >= 40);
    expect(failures).toEqual([]);

    await traffic.posted();
    const rest = await WorkerChild.start('faults-wterm-worker-b', env);
    const audit = await waitAllDecided(prisma, article.id, 'wterm');
    expect(exactlyOnceProblems(traffic, audit)).toEqual([]);
    expect(audit).toHaveLength(54);
    const queue = new Queue('moderation', {
      connection: { url: config.REDIS_URL },
      prefix: `${env.REDIS_PREFIX}:bull`,
    });
    try {
      const completed = await queue.getJobs(['completed'], 0, -1);
      expect(completed.filter((job) => job.stalledCounter > 0 || job.attemptsMade > 1)).toEqual([]);
      expect(await queue.getJobCounts('failed')).toEqual({ failed: 0 });
    } finally {
      await queue.close();
    }
    expect(rest.moderated().length).toBeGreaterThan(0);
  }, 120_000);
});
