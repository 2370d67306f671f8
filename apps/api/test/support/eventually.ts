export interface EventuallyOptions {
  /** Fails after this long (10 s by default). */
  timeoutMs?: number;
  /** Named in the timeout's error: "Timed out waiting for <what>" (a function is asked at the timeout). */
  what?: string | (() => string);
  /** Pause between two checks (25 ms by default). */
  intervalMs?: number;
}

/**
 * The one polling helper of the tests: calls `check` (sync or async) until it returns a value
 * other than undefined or false, and resolves with that value; fails after `timeoutMs`.
 */
export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  { timeoutMs = 10_000, what = 'condition', intervalMs = 25 }: EventuallyOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
