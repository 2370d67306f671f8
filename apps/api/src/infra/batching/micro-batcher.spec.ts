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
});
