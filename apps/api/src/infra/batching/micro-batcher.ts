/**
 * Coalesces the calls made while the event loop is busy into one call of `run` with all
 * their keys: flushed on the next turn of the loop (setImmediate, after the I/O callbacks
 * that started the other callers), or at once when `maxSize` keys wait. Each caller gets
 * its own key's value (undefined when `run` returned none for it). When a batch fails, each
 * of its keys is run alone, so one bad key fails only its own caller. `serial`: one batch at a
 * time; the calls made meanwhile wait for it and then go together (writes that lock rows in
 * no fixed order could otherwise deadlock with each other).
 */
export class MicroBatcher<K, V> {
  private waiting: Array<{ key: K; resolve: (value: V | undefined) => void; reject: (error: unknown) => void }> = [];
  private scheduled = false;
  private running = false;

  constructor(
    private readonly run: (keys: K[]) => Promise<Map<K, V>>,
    private readonly maxSize: number,
    private readonly options: { serial?: boolean } = {},
  ) {}

  load(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ key, resolve, reject });
      if (this.waiting.length >= this.maxSize) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    if (this.running) return;
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    if (this.options.serial) this.running = true;
    void this.settle(batch).finally(() => {
      if (!this.options.serial) return;
      this.running = false;
      this.flush();
    });
  }

  private async settle(batch: MicroBatcher<K, V>['waiting']): Promise<void> {
    const keys = [...new Set(batch.map((w) => w.key))];
    try {
      const values = await this.run(keys);
      for (const w of batch) w.resolve(values.get(w.key));
    } catch (error) {
      if (keys.length === 1) {
        for (const w of batch) w.reject(error);
        return;
      }
      await Promise.all(
        keys.map(async (key) => {
          const mine = batch.filter((w) => w.key === key);
          try {
            const values = await this.run([key]);
            for (const w of mine) w.resolve(values.get(key));
          } catch (alone) {
            for (const w of mine) w.reject(alone);
          }
        }),
      );
    }
  }
}
