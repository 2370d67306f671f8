import { GroupCommit } from './group-commit.js';

describe('GroupCommit', () => {
  it('flushes an idle caller at once and batches the callers that arrive during a flush', async () => {
    const flushes: number[][] = [];
    let release: () => void = () => undefined;
    const batcher = new GroupCommit<number>(async (items) => {
      flushes.push(items);
      if (flushes.length === 1) await new Promise<void>((r) => (release = r));
    });
    const first = batcher.add([1]);
    expect(flushes).toEqual([[1]]);
    const second = batcher.add([2, 3]);
    const third = batcher.add([4]);
    let secondDone = false;
    void second.then(() => (secondDone = true));
    await Promise.resolve();
    expect(secondDone).toBe(false);
    release();
    await Promise.all([first, second, third]);
    expect(flushes).toEqual([[1], [2, 3, 4]]);
  });

  it('rejects exactly the callers whose flush failed, and keeps going', async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    const batcher = new GroupCommit<string>(async (items) => {
      calls++;
      if (calls === 1) await new Promise<void>((r) => (release = r));
      if (items.includes('bad')) throw new Error('flush failed');
    });
    const first = batcher.add(['a']);
    const failing = batcher.add(['bad']);
    const sharing = batcher.add(['b']);
    release();
    await expect(first).resolves.toBeUndefined();
    await expect(failing).rejects.toThrow('flush failed');
    await expect(sharing).rejects.toThrow('flush failed');
    await expect(batcher.add(['c'])).resolves.toBeUndefined();
    expect(calls).toBe(3);
  });

  it('resolves an empty hand-over without flushing', async () => {
    let flushed = 0;
    await new GroupCommit<number>(async () => void flushed++).add([]);
    expect(flushed).toBe(0);
  });
});
