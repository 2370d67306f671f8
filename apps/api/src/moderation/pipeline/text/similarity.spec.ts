import { bigramProfile, diceSimilarity, profileSimilarity } from './similarity.js';

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

describe('bigram profiles', () => {
  // The reference: Dice over bigram strings counted in a map, as the phase first computed it.
  const reference = (a: string, b: string): number => {
    const grams = (t: string): string[] => {
      const chars = [...t];
      return chars.slice(1).map((c, i) => chars[i]! + c);
    };
    const left = grams(a);
    const right = grams(b);
    if (a === b) return 1;
    if (left.length === 0 || right.length === 0) return 0;
    const counts = new Map<string, number>();
    for (const g of left) counts.set(g, (counts.get(g) ?? 0) + 1);
    let shared = 0;
    for (const g of right) {
      const n = counts.get(g) ?? 0;
      if (n > 0) {
        counts.set(g, n - 1);
        shared++;
      }
    }
    return (2 * shared) / (left.length + right.length);
  };

  it('give the same similarity as counting bigram strings, emoji and other scripts included', () => {
    const texts = [
      'great post about the passage',
      'great post about this passage',
      'the passage, the passage, the passage',
      'aaaa aaaa',
      'naïve café 👍🏽 déjà vu',
      'naive cafe 👍 deja vu',
      'πολύ καλό κείμενο',
      '非常好的文章非常好',
      '𝒷𝑜𝓁𝒹 letters 𝒷𝑜𝓁𝒹',
      'x',
      '',
    ];
    for (const a of texts) {
      for (const b of texts) {
        expect(diceSimilarity(a, b)).toBeCloseTo(reference(a, b), 12);
        expect(profileSimilarity(bigramProfile(a), bigramProfile(b))).toBeCloseTo(
          a === b && a.length < 2 ? 0 : reference(a, b),
          12,
        );
      }
    }
  });
});
