/**
 * Lets the event loop run during a long computation. The digest of a large discussion takes
 * seconds; built in one go on the worker's main thread, it held every moderation decision up
 * for as long (2026-12-07: jobs waited 1–3.7 s in the benchmark once its article had tens of
 * thousands of comments). Digests are now built in a thread of their own (digest-builds.ts);
 * a build on the main thread (DIGEST_BUILD_THREAD=false, and jest's runs) still goes in
 * slices. A loop asks `due()` once per item and, when the current slice has lasted `sliceMs`,
 * awaits `next()`: the work waits for the loop's next turn, after the I/O that came in
 * meanwhile.
 */
export class Turns {
  private sliceStart = performance.now();
  private calls = 0;
  /** How many times the work has let the event loop run. */
  yields = 0;

  constructor(private readonly sliceMs = 10) {}

  /** Whether the slice is over; the clock is read every 32nd call, so a tight loop can ask. */
  due(): boolean {
    if ((++this.calls & 31) !== 0) return false;
    return performance.now() - this.sliceStart >= this.sliceMs;
  }

  /** Waits for the event loop's next turn, then starts a new slice. */
  async next(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.yields += 1;
    this.sliceStart = performance.now();
  }
}
