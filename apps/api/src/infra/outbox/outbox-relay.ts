import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { OutboxService } from './outbox.service.js';

/** Worker-side loop that hands over outbox rows the API could not enqueue itself. */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(private readonly outbox: OutboxService) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.outbox
        .relayPending()
        .then((n) => this.schedule(n > 0 ? 0 : 1000))
        .catch((error: unknown) => {
          this.logger.warn({ err: error }, 'outbox relay pass failed');
          this.schedule(2000);
        });
    }, delay);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
