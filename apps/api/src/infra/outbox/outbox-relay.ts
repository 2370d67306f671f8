import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import { OutboxService } from './outbox.service.js';

const HOUR_MS = 3_600_000;

/**
 * Worker-side loop that hands over outbox rows the API could not enqueue itself, and hourly
 * deletes rows handed over longer than OUTBOX_RETENTION_HOURS ago (the table would grow forever).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private nextCleanup = 0;

  constructor(
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pass()
        .then((n) => this.schedule(n > 0 ? 0 : 1000))
        .catch((error: unknown) => {
          this.logger.warn({ err: error }, 'outbox relay pass failed');
          this.schedule(2000);
        });
    }, delay);
  }

  private async pass(): Promise<number> {
    if (Date.now() >= this.nextCleanup) {
      this.nextCleanup = Date.now() + HOUR_MS;
      const deleted = await this.outbox.deleteHandedOver(
        new Date(Date.now() - this.config.OUTBOX_RETENTION_HOURS * HOUR_MS),
      );
      if (deleted > 0) this.logger.log({ deleted }, 'deleted outbox rows past their retention');
    }
    return this.outbox.relayPending();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
