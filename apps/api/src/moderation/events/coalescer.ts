/**
 * Shares one run of an expensive read between concurrent callers without serving stale
 * results: a caller gets a run that started after its call. While a run is in flight,
 * every new caller waits for the same single follow-up run.
 */
export class Coalescer<T> {
  private current?: Promise<T>;
  private next?: Promise<T>;

  constructor(private readonly run: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.current) return this.start();
    this.next ??= this.current
      .catch(() => undefined)
      .then(() => {
        this.next = undefined;
        return this.start();
      });
    return this.next;
  }

  private start(): Promise<T> {
    const run = this.run().finally(() => {
      if (this.current === run) this.current = undefined;
    });
    this.current = run;
    return run;
  }
}
