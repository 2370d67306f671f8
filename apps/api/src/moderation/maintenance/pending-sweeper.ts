import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/env.js';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { JobQueue } from '../../infra/queue/job-queue.js';

/** Comments handed over again per pass; a full batch runs the next pass at once. */
export const SWEEP_BATCH = 200;

/**
 * Worker-side loop that hands `moderate-comment` over again for comments still PENDING long
 * after they were written or edited (an edit sets updatedAt and PENDING again). Their job
 * was lost after the outbox handed it over: a Redis without persistence restarted, or its
 * data was flushed. A job that is merely late gets a duplicate, which is harmless: only a
 * PENDING comment is decided, once.
 */
@Injectable()
export class PendingSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PendingSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(this.config.MODERATION_SWEEP_INTERVAL_MS);
  }

  /** One pass: returns how many comments were handed over again. */
  async sweep(now = Date.now()): Promise<number> {
    const age = this.config.MODERATION_SWEEP_AGE_MS;
    const cutoff = new Date(now - age);
    // updatedAt >= createdAt, so the createdAt bound is implied; it lets the
    // (status, createdAt, id) index narrow the scan.
    const stale = await this.prisma.comment.findMany({
      where: { status: 'PENDING', createdAt: { lt: cutoff }, updatedAt: { lt: cutoff } },
      orderBy: { updatedAt: 'asc' },
      take: SWEEP_BATCH,
      select: { id: true },
    });
    // One job id per comment per age window: a new one after each window (never deduplicated
    // against the lost job), but a comment whose job is only late gets at most one per window.
    const window = Math.floor(now / age);
    for (const { id } of stale) {
      await this.jobs.add('moderate-comment', { commentId: id }, `sweep-${id}-${window}`);
    }
    if (stale.length > 0)
      this.logger.warn({ count: stale.length }, 'handed stale PENDING comments to moderation again');
    return stale.length;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweep()
        .then((n) => this.schedule(n >= SWEEP_BATCH ? 0 : this.config.MODERATION_SWEEP_INTERVAL_MS))
        .catch((error: unknown) => {
          this.logger.warn({ err: error }, 'pending comment sweep failed');
          this.schedule(this.config.MODERATION_SWEEP_INTERVAL_MS);
        });
    }, delay);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
