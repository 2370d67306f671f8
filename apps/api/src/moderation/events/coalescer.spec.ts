import { Coalescer } from './coalescer.js';

function deferredRuns(): { coalescer: Coalescer<number>; finish: (value: number) => void; started: () => number } {
  const pending: Array<(value: number) => void> = [];
  const coalescer = new Coalescer(() => new Promise<number>((resolve) => pending.push(resolve)));
  return { coalescer, finish: (value) => pending.shift()!(value), started: () => pending.length };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('Coalescer', () => {
  it('runs at once when idle', async () => {
    const { coalescer, finish } = deferredRuns();
    const result = coalescer.get();
    finish(1);
    await expect(result).resolves.toBe(1);
  });

  it('gives callers that arrive during a run one shared follow-up run, never the stale one', async () => {
    const { coalescer, finish, started } = deferredRuns();
    const first = coalescer.get();
    const second = coalescer.get();
    const third = coalescer.get();
    expect(started()).toBe(1);
    finish(1);
    await expect(first).resolves.toBe(1);
    await tick();
    expect(started()).toBe(1); // the single follow-up
    finish(2);
    await expect(second).resolves.toBe(2);
    await expect(third).resolves.toBe(2);
  });

  it('recovers after a failed run', async () => {
    let calls = 0;
    const coalescer = new Coalescer(async () => {
      calls += 1;
      if (calls === 1) throw new Error('boom');
      return calls;
    });
    await expect(coalescer.get()).rejects.toThrow('boom');
    await expect(coalescer.get()).resolves.toBe(2);
  });
});
