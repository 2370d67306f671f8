import { describe, expect, it } from 'vitest';
import { adjustMap, mapTotals, meets, mergeSpans, missingSpans, wantedSpan } from './discussionWindow.ts';

describe('windowed reading of a large discussion', () => {
  it('merges loaded stretches that overlap or touch, and only those', () => {
    expect(
      mergeSpans([
        { from: 50, to: 60 },
        { from: 0, to: 10 },
        { from: 10, to: 20 },
        { from: 15, to: 30 },
        { from: 40, to: 40 },
      ]),
    ).toEqual([
      { from: 0, to: 30 },
      { from: 50, to: 60 },
    ]);
  });

  it('asks only for the parts of the viewport not loaded yet', () => {
    const loaded = mergeSpans([
      { from: 0, to: 100 },
      { from: 200, to: 300 },
    ]);
    expect(missingSpans(loaded, { from: 50, to: 250 })).toEqual([{ from: 100, to: 200 }]);
    expect(missingSpans(loaded, { from: 20, to: 80 })).toEqual([]);
    expect(missingSpans(loaded, { from: 250, to: 400 })).toEqual([{ from: 300, to: 400 }]);
    expect(missingSpans([], { from: 5, to: 9 })).toEqual([{ from: 5, to: 9 }]);
    expect(missingSpans(loaded, { from: 90, to: 500 })).toEqual([
      { from: 100, to: 200 },
      { from: 300, to: 500 },
    ]);
  });

  it('wants the visible blocks and a few either side, clipped to the text', () => {
    const blocks = Array.from({ length: 10 }, (_, i) => ({ start: i * 100, end: i * 100 + 98 }));
    expect(wantedSpan(blocks, new Set([4, 5]), 2)).toEqual({ from: 200, to: 798 });
    expect(wantedSpan(blocks, new Set([0]), 3)).toEqual({ from: 0, to: 398 });
    expect(wantedSpan(blocks, new Set([9]), 3)).toEqual({ from: 600, to: 998 });
    expect(wantedSpan(blocks, new Set(), 3)).toBeNull();
    expect(wantedSpan([], new Set([1]), 3)).toBeNull();
  });

  it('tells whether a passage meets a stretch (half-open)', () => {
    expect(meets(10, 20, { from: 20, to: 30 })).toBe(false);
    expect(meets(10, 21, { from: 20, to: 30 })).toBe(true);
    expect(meets(30, 40, { from: 20, to: 30 })).toBe(false);
  });

  const map = [
    { start: 0, end: 30, threadCount: 2, commentCount: 5 },
    { start: 40, end: 50, threadCount: 1, commentCount: 1 },
  ];

  it('counts a live comment in the range holding its passage', () => {
    expect(adjustMap(map, { start: 10, end: 12 }, { threads: 0, comments: 1 })).toEqual([
      { start: 0, end: 30, threadCount: 2, commentCount: 6 },
      { start: 40, end: 50, threadCount: 1, commentCount: 1 },
    ]);
  });

  it('adds a live thread as a new range, or merges the ranges it bridges', () => {
    expect(adjustMap(map, { start: 60, end: 70 }, { threads: 1, comments: 1 })).toEqual([
      ...map,
      { start: 60, end: 70, threadCount: 1, commentCount: 1 },
    ]);
    expect(adjustMap(map, { start: 25, end: 45 }, { threads: 1, comments: 1 })).toEqual([
      { start: 0, end: 50, threadCount: 4, commentCount: 7 },
    ]);
    expect(mapTotals(adjustMap(map, { start: 25, end: 45 }, { threads: 1, comments: 1 }))).toEqual({
      threads: 4,
      comments: 7,
    });
  });

  it('drops a range whose last thread went away', () => {
    expect(adjustMap(map, { start: 40, end: 50 }, { threads: -1, comments: -1 })).toEqual([map[0]]);
  });
});
