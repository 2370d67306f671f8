import { describe, expect, it } from 'vitest';
import { layoutThreads } from './layout.ts';

function assertNoOverlap(tops: number[], heights: number[], gap: number): void {
  const order = [...tops.keys()].sort((a, b) => tops[a]! - tops[b]!);
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1]!;
    const cur = order[k]!;
    expect(tops[cur]! - (tops[prev]! + heights[prev]!)).toBeGreaterThanOrEqual(gap - 1e-9);
  }
}

describe('layoutThreads', () => {
  it('returns an empty layout for no threads', () => {
    expect(layoutThreads([], [], 8)).toEqual([]);
  });

  it('keeps cards level with their anchors when there is room', () => {
    expect(layoutThreads([0, 200, 500], [50, 50, 50], 8)).toEqual([0, 200, 500]);
  });

  it('pushes colliding cards down, preserving document order', () => {
    expect(layoutThreads([100, 120, 130], [60, 40, 10], 10)).toEqual([100, 170, 220]);
  });

  it('returns tops in input order even when anchors are unsorted', () => {
    expect(layoutThreads([300, 100, 110], [20, 50, 20], 5)).toEqual([300, 100, 155]);
  });

  it('never places a card above the column', () => {
    expect(layoutThreads([-40, 10], [30, 30], 4)).toEqual([0, 34]);
  });

  it('pins the active card to its anchor and pushes earlier cards up', () => {
    const tops = layoutThreads([100, 120, 130], [60, 40, 10], 10, 2);
    expect(tops[2]).toBe(130);
    expect(tops).toEqual([10, 80, 130]);
  });

  it('shifts everything down when there is no room above the pinned card', () => {
    const tops = layoutThreads([0, 10], [100, 20], 10, 1);
    expect(tops).toEqual([0, 110]);
  });

  it('produces no overlaps for arbitrary inputs', () => {
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 200; run++) {
      const n = 1 + Math.floor(random() * 12);
      const anchors = Array.from({ length: n }, () => Math.floor(random() * 800));
      const heights = Array.from({ length: n }, () => 20 + Math.floor(random() * 150));
      const active = random() < 0.5 ? Math.floor(random() * n) : undefined;
      const tops = layoutThreads(anchors, heights, 12, active);
      assertNoOverlap(tops, heights, 12);
      expect(Math.min(...tops)).toBeGreaterThanOrEqual(0);
      // Cards follow the order of their anchors.
      const byAnchor = [...anchors.keys()].sort((a, b) => anchors[a]! - anchors[b]! || a - b);
      for (let k = 1; k < n; k++) expect(tops[byAnchor[k]!]!).toBeGreaterThan(tops[byAnchor[k - 1]!]!);
    }
  });
});
