import type { Logger } from '@nestjs/common';

/**
 * Runs `run` at start and then every `intervalMs` after the previous run ended (never two at
 * once); a failure is logged and the next run comes as usual. `stop()` waits for a run under
 * way. The worker's safety-net sweeps (timed sanctions, timed closings) are these.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    private readonly intervalMs: number,
    private readonly run: () => Promise<unknown>,
    private readonly logger: Logger,
    private readonly failure: string,
  ) {}

  start(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.run()
        .catch((error: unknown) => this.logger.warn({ err: error }, this.failure))
        .finally(() => this.schedule(this.intervalMs));
    }, delay);
  }
}
