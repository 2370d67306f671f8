import { MicroBatcher } from './micro-batcher.js';

describe('MicroBatcher', () => {
  it('runs the keys asked for in the same turn of the event loop as one batch', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher(async (keys: number[]) => {
      batches.push(keys);
      return new Map(keys.map((k) => [k, k * 10]));
    }, 100);
    const values = await Promise.all([1, 2, 3].map((k) => batcher.load(k)));
    expect(values).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('flushes at once when the batch is full', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher(async (keys: number[]) => {
      batches.push(keys);
      return new Map(keys.map((k) => [k, k]));
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map((k) => batcher.load(k)));
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('asks once for a key asked for twice, and answers undefined for a key with no value', async () => {
    const batches: string[][] = [];
    const batcher = new MicroBatcher(async (keys: string[]) => {
      batches.push(keys);
      return new Map([['a', 'A']]);
    }, 10);
    expect(await Promise.all(['a', 'a', 'b'].map((k) => batcher.load(k)))).toEqual(['A', 'A', undefined]);
    expect(batches).toEqual([['a', 'b']]);
  });

  it('fails only the key that fails alone when a batch fails', async () => {
    const batcher = new MicroBatcher(async (keys: string[]) => {
      if (keys.includes('bad')) throw new Error(`cannot read ${keys.join(',')}`);
      return new Map(keys.map((k) => [k, k.toUpperCase()]));
    }, 10);
    const settled = await Promise.allSettled(['a', 'bad', 'b'].map((k) => batcher.load(k)));
    expect(settled).toEqual([
      { status: 'fulfilled', value: 'A' },
      { status: 'rejected', reason: new Error('cannot read bad') },
      { status: 'fulfilled', value: 'B' },
    ]);
  });

  it('serial: runs one batch at a time, and the calls made meanwhile go together after it', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (release = resolve));
    let running = 0;
    let most = 0;
    const batcher = new MicroBatcher(
      async (keys: number[]) => {
        batches.push(keys);
        most = Math.max(most, ++running);
        if (batches.length === 1) await first;
        running--;
        return new Map(keys.map((k) => [k, k]));
      },
      2,
      { serial: true },
    );
    const one = batcher.load(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [2, 3, 4].map((k) => batcher.load(k));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1]]);
    release();
    expect(await Promise.all([one, ...later])).toEqual([1, 2, 3, 4]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
    expect(most).toBe(1);
  });
});
