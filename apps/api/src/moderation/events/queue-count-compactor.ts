import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModerationCounts } from './moderation-counts.service.js';

/** How often the worker folds queue-count deltas into the counts when there is nothing to do. */
const IDLE_MS = 2000;

/** Worker-side loop that keeps the queue-count deltas few (see ModerationCounts.compact). */
@Injectable()
export class QueueCountCompactor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QueueCountCompactor.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(private readonly counts: ModerationCounts) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.counts
        .compact()
        .then((moved) => this.schedule(moved >= 10_000 ? 0 : IDLE_MS))
        .catch((error: unknown) => {
          this.logger.warn({ err: error }, 'queue count compaction failed');
          this.schedule(IDLE_MS * 2);
        });
    }, delay);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
