/**
 * Group commit: items handed over while a flush is running go together into the next
 * flush. An idle caller is flushed at once (no timer, no added latency); under load many
 * callers share one round trip. Each caller's promise settles with the flush that carried
 * its items, so awaiting it means "my items are written".
 */
export class GroupCommit<T> {
  private queued: T[] = [];
  private waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private draining = false;

  constructor(private readonly flush: (items: T[]) => Promise<void>) {}

  add(items: readonly T[]): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.queued.push(...items);
      this.waiters.push({ resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    while (this.queued.length > 0) {
      const items = this.queued;
      const waiters = this.waiters;
      this.queued = [];
      this.waiters = [];
      try {
        await this.flush(items);
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error);
      }
    }
    this.draining = false;
  }
}
