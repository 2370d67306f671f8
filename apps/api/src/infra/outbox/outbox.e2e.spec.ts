import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { startWorker } from '../../../test/support/worker.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { OutboxService } from './outbox.service.js';

/**
 * The outbox keeps one row per dedupe key (looked up by its unique index, not by matching the
 * JSON payload), and forgets rows handed over longer ago than the retention period, never
 * rows still waiting to be handed over.
 */
describe('Outbox', () => {
  let worker: INestApplicationContext;
  let prisma: PrismaService;
  let outbox: OutboxService;

  beforeAll(async () => {
    worker = await startWorker();
    prisma = worker.get(PrismaService);
    outbox = worker.get(OutboxService);
  });
  afterAll(() => worker.close());

  it('records a job once per dedupe key, even from concurrent transactions', async () => {
    const payload = { articleId: randomUUID(), revisionId: randomUUID() };
    const key = `reanchor-article:${payload.articleId}:${payload.revisionId}`;
    const ids = await Promise.all(
      Array.from({ length: 4 }, () =>
        prisma.$transaction((tx) => outbox.recordOnce(tx, 'reanchor-article', payload, key)),
      ),
    );
    expect(new Set(ids).size).toBe(1);
    const rows = await prisma.outbox.findMany({ where: { dedupeKey: key } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.payload).toEqual(payload);
  });

  it('deletes handed-over rows past the cutoff and keeps the rest', async () => {
    const old = new Date(Date.now() - 10 * 86_400_000);
    const make = (dispatchedAt: Date | null, createdAt: Date) =>
      prisma.outbox.create({
        data: {
          queue: 'flags',
          jobName: 'evaluate-flags',
          payload: { commentId: randomUUID() },
          createdAt,
          dispatchedAt,
        },
      });
    const handedLongAgo = await make(old, old);
    const handedRecently = await make(new Date(), old);
    const neverHanded = await make(null, old);

    const deleted = await outbox.deleteHandedOver(new Date(Date.now() - 7 * 86_400_000), 1);
    expect(deleted).toBeGreaterThanOrEqual(1);
    const left = await prisma.outbox.findMany({
      where: { id: { in: [handedLongAgo.id, handedRecently.id, neverHanded.id] } },
      select: { id: true },
    });
    expect(left.map((row) => row.id).sort()).toEqual([handedRecently.id, neverHanded.id].sort());
  });
});
