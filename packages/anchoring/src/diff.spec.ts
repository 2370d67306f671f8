import { DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, xIndex, type Diff } from '@sanity/diff-match-patch';
import { computeDiff, mapPositions } from './diff.js';
import { ARTICLE, seededRandom } from './test-support/fixtures.js';

function sides(diffs: Diff[]): { old: string; new: string } {
  let o = '';
  let n = '';
  for (const [op, s] of diffs) {
    if (op !== DIFF_INSERT) o += s;
    if (op !== DIFF_DELETE) n += s;
  }
  return { old: o, new: n };
}

function mutateWords(text: string, rate: number, seed: number): string {
  const rnd = seededRandom(seed);
  return text
    .split(' ')
    .map((w) => (rnd() < rate ? (rnd() < 0.5 ? '' : w + ' extra') : w))
    .join(' ');
}

describe('computeDiff', () => {
  it('reconstructs both texts from the diff', () => {
    const edited = mutateWords(ARTICLE, 0.1, 1);
    expect(sides(computeDiff(ARTICLE, edited))).toEqual({ old: ARTICLE, new: edited });
  });

  it('returns a single equality for identical texts', () => {
    expect(computeDiff('same', 'same')).toEqual([[DIFF_EQUAL, 'same']]);
  });

  it('keeps unchanged words as equalities (word granularity)', () => {
    const diffs = computeDiff('alpha beta gamma delta epsilon', 'alpha beta GAMMA delta epsilon');
    expect(diffs).toContainEqual([DIFF_EQUAL, 'alpha beta ']);
    expect(diffs).toContainEqual([DIFF_EQUAL, 'delta epsilon']);
  });

  it('falls back to a character diff when the vocabulary overflows the token encoding', () => {
    const words: string[] = [];
    for (let i = 0; i < 64000; i++) words.push(i.toString(36));
    const old = words.join(' ');
    const edited = old.replace(' 1000 ', ' one-thousand ');
    expect(sides(computeDiff(old, edited))).toEqual({ old, new: edited });
  });
});

describe('mapPositions', () => {
  const diffs: Diff[] = [
    [DIFF_EQUAL, 'The '],
    [DIFF_INSERT, 'big '],
    [DIFF_EQUAL, 'cat sat'],
    [DIFF_DELETE, ' down'],
    [DIFF_EQUAL, '.'],
  ];

  it('maps a start at an insertion boundary to after the inserted text', () => {
    expect(mapPositions(diffs, Int32Array.of(4), Int32Array.of(-1)).starts[0]).toBe(8);
  });

  it('maps an end at an insertion boundary to before the inserted text', () => {
    expect(mapPositions(diffs, Int32Array.of(-1), Int32Array.of(4)).ends[0]).toBe(4);
  });

  it('collapses offsets inside deleted text to the deletion point', () => {
    const m = mapPositions(diffs, Int32Array.of(13), Int32Array.of(14));
    expect(m.starts[0]).toBe(15);
    expect(m.ends[0]).toBe(15);
  });

  it('shifts offsets after an edit by the net length change', () => {
    // "." is at old 16, new 15.
    const m = mapPositions(diffs, Int32Array.of(16), Int32Array.of(17));
    expect([m.starts[0], m.ends[0]]).toEqual([15, 16]);
  });

  it('leaves -1 entries unmapped', () => {
    const m = mapPositions(diffs, Int32Array.of(-1, 0), Int32Array.of(-1, 3));
    expect(Array.from(m.starts)).toEqual([-1, 0]);
    expect(Array.from(m.ends)).toEqual([-1, 3]);
  });

  it('returns results in input order for unsorted offsets', () => {
    const m = mapPositions(diffs, Int32Array.of(16, 0, 4), Int32Array.of(17, 3, 7));
    expect(Array.from(m.starts)).toEqual([15, 0, 8]);
    expect(Array.from(m.ends)).toEqual([16, 3, 11]);
  });

  it('agrees with diff-match-patch xIndex for starts on a real diff', () => {
    const edited = mutateWords(ARTICLE, 0.15, 3);
    const real = computeDiff(ARTICLE, edited);
    const rnd = seededRandom(5);
    const offsets = Int32Array.from({ length: 500 }, () => Math.floor(rnd() * ARTICLE.length));
    const mapped = mapPositions(real, offsets, new Int32Array(offsets.length).fill(-1));
    offsets.forEach((p, i) => expect(mapped.starts[i]).toBe(xIndex(real, p)));
  });
});
