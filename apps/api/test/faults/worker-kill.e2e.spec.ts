import { Queue } from 'bullmq';
import { loadConfig } from '../../src/infra/config/env.js';
import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { makeArticle } from '../support/factories.js';
import { ApiChild, stopAll, WorkerChild } from '../support/processes.js';
import { TableLock } from '../support/faults/table-lock.js';
import { exactlyOnceProblems, seedParent, Traffic, waitAllDecided } from '../support/faults/traffic.js';
import { eventually } from '../support/eventually.js';

const VICTIM = 'faults-kill-worker-a';

/**
 * Two workers share the moderation queue while comments pour in; one is killed (SIGKILL)
 * with jobs in hand. BullMQ sees their locks expire (short lock and stall timings through
 * the config) and the other worker runs them: every comment is decided exactly once, and
 * no comment's decision shows up in both workers' logs.
 */
describe('fault: a worker is killed mid-job while many comments are queued', () => {
  const config = loadConfig(process.env);
  const env = {
    DATABASE_URL: config.DATABASE_URL,
    REDIS_URL: config.REDIS_URL,
    REDIS_PREFIX: `${config.REDIS_PREFIX}:faults-kill`,
    QUEUE_LOCK_DURATION_MS: '1000',
    QUEUE_STALLED_INTERVAL_MS: '300',
  };
  let prisma: PrismaService;
  let api: ApiChild;
  let victim: WorkerChild;
  let survivor: WorkerChild;
  let lock: TableLock | undefined;
  let traffic: Traffic | undefined;

  beforeAll(async () => {
    prisma = new PrismaService(config);
    [api, victim, survivor] = await Promise.all([
      ApiChild.start('faults-kill-api', env),
      WorkerChild.start(VICTIM, env),
      WorkerChild.start('faults-kill-worker-b', env),
    ]);
  }, 120_000);
  afterAll(async () => {
    await lock?.close();
    // Children first: a request to a dead process ends at once.
    await stopAll();
    await traffic?.stop();
    await prisma.$disconnect();
  });

  it('hands the dead worker’s jobs to the other one and decides every comment once', async () => {
    const article = await makeArticle(prisma);
    const authors = await Promise.all(Array.from({ length: 12 }, () => api.register()));
    const parentId = await seedParent(prisma, article.id, authors[0]!.userId);
    traffic = new Traffic({ targets: [api], authors, article, parentId, paceMs: 40 }, 'kill');
    await eventually(() => traffic!.accepted().length >= 15, { timeoutMs: 60_000, what: '15 accepted posts' });

    // Decisions wait on this lock, so the victim certainly holds jobs when it is killed.
    lock = await TableLock.hold(config.DATABASE_URL, 'ModerationAction', VICTIM, 'the victim to hold a job');
    await victim.stop('SIGKILL');
    // A backend waiting on a lock finishes its statement once it gets it; end the dead
    // worker's sessions as the crash would have, so its jobs are certainly not applied.
    await lock.terminate(VICTIM);
    await lock.release();
    lock = undefined;

    await traffic.posted();
    expect(traffic.posts().filter((a) => !(a.status === 200 && a.commentId))).toEqual([]);
    const audit = await waitAllDecided(prisma, article.id, 'kill');
    expect(exactlyOnceProblems(traffic, audit)).toEqual([]);
    expect(audit).toHaveLength(traffic.accepted().length);
    expect(audit.length).toBeGreaterThanOrEqual(100);

    // No decision was applied by both workers (a line the victim had not yet written when
    // it died is simply missing from its log), and the survivor took over.
    const byVictim = new Set(victim.moderated());
    const bySurvivor = survivor.moderated();
    expect(bySurvivor.filter((id) => byVictim.has(id))).toEqual([]);
    expect(new Set(bySurvivor).size).toBe(bySurvivor.length);
    expect(bySurvivor.length).toBeGreaterThan(0);
    expect(survivor.running).toBe(true);
    // ...among them the jobs the victim held, run again after their lock expired.
    const queue = new Queue('moderation', {
      connection: { url: config.REDIS_URL },
      prefix: `${env.REDIS_PREFIX}:bull`,
    });
    try {
      const completed = await queue.getJobs(['completed'], 0, -1);
      expect(completed.filter((job) => job.stalledCounter > 0).length).toBeGreaterThanOrEqual(1);
      expect(await queue.getJobCounts('failed', 'active', 'wait', 'delayed')).toEqual({
        failed: 0,
        active: 0,
        wait: 0,
        delayed: 0,
      });
    } finally {
      await queue.close();
    }
  }, 120_000);
});
