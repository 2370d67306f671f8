import { lexRank, normalize, sparseDot, spread, type SparseVector } from './vectors.js';

const v = (index: number[], value: number[]): SparseVector => normalize({ index, value });

describe('sparse vectors', () => {
  it('takes dot products with sparse and dense vectors alike', () => {
    const a = v([0, 2], [3, 4]);
    expect(sparseDot(a, v([2], [1]))).toBeCloseTo(0.8);
    expect(sparseDot(a, new Float64Array([1, 0, 0]))).toBeCloseTo(0.6);
  });

  it('adds a weighted vector', () => {
    expect(spread({ index: [0, 1], value: [1, 1] }, { index: [1, 2], value: [2, 2] }, 0.5)).toEqual({
      index: [0, 1, 2],
      value: [1, 2, 1],
    });
  });
});

describe('LexRank', () => {
  it('ranks highest the sentence most like the others, and the ranks sum to 1', () => {
    const central = v([0, 1, 2], [1, 1, 1]);
    const sentences = [v([0], [1]), central, v([1], [1]), v([2], [1])];
    const rank = lexRank(sentences);
    expect(rank.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(Math.max(...rank)).toBe(rank[1]);
  });

  it('spreads evenly over sentences like no other', () => {
    const rank = lexRank([v([0], [1]), v([1], [1])]);
    expect(rank[0]).toBeCloseTo(0.5);
    expect(rank[1]).toBeCloseTo(0.5);
  });
});
