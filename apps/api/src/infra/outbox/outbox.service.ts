import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { GroupCommit } from '../../common/group-commit.js';
import { Prisma } from '../../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { JobQueue } from '../queue/job-queue.js';
import { JOBS, type JobName, type JobPayloads } from '../queue/jobs.js';

/** An outbox row as written and handed over. */
export interface OutboxEntry {
  id: string;
  queue: string;
  jobName: string;
  payload: unknown;
}

/**
 * The INSERT of an outbox row in a caller's statement (a data-modifying CTE), with the five
 * values of `OutboxService.entry` from `$first` on.
 */
export const outboxInsert = (first: number): string => `
  INSERT INTO "Outbox" (id, queue, "jobName", payload, "createdAt")
  VALUES ($${first}::uuid, $${first + 1}::text, $${first + 2}::text, $${first + 3}::jsonb, $${first + 4}::timestamp)`;

/**
 * Transactional outbox: a job is first written as a row in the same transaction as the
 * change that needs it, then handed to BullMQ with the row id as jobId (so handing it
 * over twice is a no-op). If Redis is down the row waits for the relay.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);
  /** Rows handed over by concurrent requests are marked in one statement. */
  private readonly marks = new GroupCommit<string>(async (ids) => {
    await this.prisma.$executeRaw`
      UPDATE "Outbox" SET "dispatchedAt" = ${new Date()} WHERE id = ANY(${ids}::uuid[]) AND "dispatchedAt" IS NULL`;
  });

  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: JobQueue,
  ) {}

  /** Inside the caller's transaction. */
  async record<N extends JobName>(tx: Prisma.TransactionClient, name: N, payload: JobPayloads[N]): Promise<string> {
    const row = await tx.outbox.create({
      data: { queue: JOBS[name].queue, jobName: name, payload: payload as unknown as Prisma.InputJsonValue },
      select: { id: true },
    });
    return row.id;
  }

  /**
   * Inside the caller's transaction: the job for `dedupeKey` once. Asking again (even from a
   * concurrent transaction, which waits on the unique index) returns the existing row, whose id
   * is the BullMQ jobId. Rows are deleted after OUTBOX_RETENTION_HOURS; a job asked for again
   * after that runs again, so such jobs must be idempotent.
   */
  async recordOnce<N extends JobName>(
    tx: Prisma.TransactionClient,
    name: N,
    payload: JobPayloads[N],
    dedupeKey: string,
  ): Promise<string> {
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "Outbox" (id, queue, "jobName", payload, "dedupeKey")
      VALUES (${randomUUID()}::uuid, ${JOBS[name].queue}, ${name}, ${JSON.stringify(payload)}::jsonb, ${dedupeKey})
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING id`;
    if (inserted[0]) return inserted[0].id;
    const existing = await tx.outbox.findUniqueOrThrow({ where: { dedupeKey }, select: { id: true } });
    return existing.id;
  }

  /**
   * Deletes rows handed over before `cutoff`, a batch at a time (the relay calls this); rows
   * never handed over are kept whatever their age. Returns how many went.
   */
  async deleteHandedOver(cutoff: Date, batch = 5000): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await this.prisma.$executeRaw`
        DELETE FROM "Outbox" WHERE id IN (
          SELECT id FROM "Outbox" WHERE "dispatchedAt" < ${cutoff} ORDER BY "dispatchedAt" LIMIT ${batch})`;
      total += deleted;
      if (deleted < batch) return total;
    }
  }

  /**
   * For a caller that writes its change in one named statement: the row to write, and the
   * values of `outboxInsert` for it. Hand it over after commit with `handOver`.
   */
  entry<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    now = new Date(),
  ): { entry: OutboxEntry; values: unknown[] } {
    const entry: OutboxEntry = { id: randomUUID(), queue: JOBS[name].queue, jobName: name, payload };
    return { entry, values: [entry.id, entry.queue, entry.jobName, JSON.stringify(payload), now.toISOString()] };
  }

  /** After commit: try to hand the rows over now; failures are left to the relay. */
  async dispatch(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const rows = await this.prisma.outbox.findMany({
      where: { id: { in: ids }, dispatchedAt: null },
      select: { id: true, queue: true, jobName: true, payload: true },
    });
    await this.handOver(rows);
  }

  /** After commit, for rows the caller already holds (no read back). */
  async handOver(rows: readonly OutboxEntry[]): Promise<void> {
    const handed: string[] = [];
    for (const row of rows) {
      try {
        await this.jobs.add(row.jobName as JobName, row.payload as never, row.id);
        handed.push(row.id);
      } catch (error) {
        this.logger.warn({ err: error, outboxId: row.id }, 'could not enqueue now; the relay will retry');
        await this.prisma.outbox
          .update({ where: { id: row.id }, data: { attempts: { increment: 1 }, lastError: String(error) } })
          .catch(() => undefined);
      }
    }
    // A row handed over but not marked is handed over again by the relay: a no-op (same jobId,
    // and every job tolerates a second delivery).
    await this.marks
      .add(handed)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not mark outbox rows as handed over'));
  }

  /** Relay pass: every row not yet handed over and older than `graceMs`. */
  async relayPending(graceMs = 1000, batch = 200): Promise<number> {
    const rows = await this.prisma.outbox.findMany({
      where: { dispatchedAt: null, createdAt: { lt: new Date(Date.now() - graceMs) } },
      orderBy: { createdAt: 'asc' },
      take: batch,
      select: { id: true, queue: true, jobName: true, payload: true },
    });
    await this.handOver(rows);
    return rows.length;
  }
}
