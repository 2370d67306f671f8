import { diceSimilarity } from './similarity.js';

describe('diceSimilarity', () => {
  it('is 1 for identical strings and 0 for strings sharing no bigram', () => {
    expect(diceSimilarity('same text', 'same text')).toBe(1);
    expect(diceSimilarity('abc', 'xyz')).toBe(0);
  });

  it('handles strings too short to have bigrams', () => {
    expect(diceSimilarity('a', 'a')).toBe(1);
    expect(diceSimilarity('a', 'ab')).toBe(0);
    expect(diceSimilarity('', 'abc')).toBe(0);
  });

  it('is symmetric and counts repeated bigrams only as often as they occur', () => {
    expect(diceSimilarity('night', 'nacht')).toBeCloseTo(0.25);
    expect(diceSimilarity('nacht', 'night')).toBeCloseTo(0.25);
    expect(diceSimilarity('aaaa', 'aa')).toBeCloseTo(0.5);
  });
});
