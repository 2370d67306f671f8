import { anchoredEditDistance, contextSimilarity, edgeDistances, verbatimContextLength } from './similarity.js';

describe('contextSimilarity', () => {
  const hay = 'the quick brown fox|jumps over the lazy dog';
  const at = hay.indexOf('|');

  it('is 1 for a prefix that ends exactly at the candidate', () => {
    expect(contextSimilarity('quick brown fox', hay, at, 'before')).toBe(1);
  });

  it('is 1 for a suffix that starts exactly after the candidate', () => {
    expect(contextSimilarity('|jumps over', hay, at, 'after')).toBe(1);
  });

  it('charges one error per substituted character', () => {
    expect(contextSimilarity('quick brawn fox', hay, at, 'before')).toBeCloseTo(1 - 1 / 15);
  });

  it('charges an insertion inside the context as a single error', () => {
    expect(contextSimilarity('quick brown  fox', hay, at, 'before')).toBeCloseTo(1 - 1 / 16);
  });

  it('does not reward context that appears only away from the candidate', () => {
    // "lazy dog" occurs in the hay, but not adjacent to the position.
    expect(contextSimilarity('lazy dog', hay, at, 'before')).toBeLessThan(0.5);
  });

  it('returns 0 when there is no text on that side', () => {
    expect(contextSimilarity('anything', hay, 0, 'before')).toBe(0);
    expect(contextSimilarity('anything', hay, hay.length, 'after')).toBe(0);
  });

  it('returns 1 for empty expected context', () => {
    expect(contextSimilarity('', hay, at, 'after')).toBe(1);
  });
});

describe('verbatimContextLength', () => {
  it('counts matching units adjacent to the position', () => {
    expect(verbatimContextLength('xx brown fox', 'a brown fox|', 11, 'before')).toBe(10);
    expect(verbatimContextLength('|jumpy', '|jumps', 0, 'after')).toBe(5);
  });
});

describe('edgeDistances', () => {
  const hay = 'xx the quick brown fox yy';

  it('matches anchoredEditDistance at every boundary for text before', () => {
    const d = edgeDistances('quick brown', hay, 10, 20, 'before');
    for (let p = 10; p <= 20; p++) {
      expect(d[p - 10]).toBe(anchoredEditDistance('quick brown', hay, p, 'before'));
    }
  });

  it('matches anchoredEditDistance at every boundary for text after', () => {
    const d = edgeDistances('quick brown', hay, 3, 12, 'after');
    for (let p = 3; p <= 12; p++) {
      expect(d[p - 3]).toBe(anchoredEditDistance('quick brown', hay, p, 'after'));
    }
  });

  it('is zero exactly where the expected text ends or starts', () => {
    const end = hay.indexOf('brown') + 5;
    expect(edgeDistances('quick brown', hay, end, end, 'before')[0]).toBe(0);
    expect(edgeDistances('quick brown', hay, 7, 7, 'after')[0]).toBe(0);
  });
});
