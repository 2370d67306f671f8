import { Injectable, Logger } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { JobQueue } from '../queue/job-queue.js';
import { JOBS, type JobName, type JobPayloads } from '../queue/jobs.js';

/**
 * Transactional outbox: a job is first written as a row in the same transaction as the
 * change that needs it, then handed to BullMQ with the row id as jobId (so handing it
 * over twice is a no-op). If Redis is down the row waits for the relay.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

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

  /** After commit: try to hand the rows over now; failures are left to the relay. */
  async dispatch(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const rows = await this.prisma.outbox.findMany({ where: { id: { in: ids }, dispatchedAt: null } });
    for (const row of rows) {
      try {
        await this.jobs.add(row.jobName as JobName, row.payload as never, row.id);
        await this.prisma.outbox.update({ where: { id: row.id }, data: { dispatchedAt: new Date() } });
      } catch (error) {
        this.logger.warn({ err: error, outboxId: row.id }, 'could not enqueue now; the relay will retry');
        await this.prisma.outbox
          .update({ where: { id: row.id }, data: { attempts: { increment: 1 }, lastError: String(error) } })
          .catch(() => undefined);
      }
    }
  }

  /** Relay pass: every row not yet handed over and older than `graceMs`. */
  async relayPending(graceMs = 1000, batch = 200): Promise<number> {
    const rows = await this.prisma.outbox.findMany({
      where: { dispatchedAt: null, createdAt: { lt: new Date(Date.now() - graceMs) } },
      orderBy: { createdAt: 'asc' },
      take: batch,
      select: { id: true },
    });
    await this.dispatch(rows.map((r) => r.id));
    return rows.length;
  }
}
