import { sphericalKMeans } from './clustering.js';
import { normalize, type SparseVector } from './vectors.js';

const v = (weights: Record<number, number>): SparseVector => {
  const index = Object.keys(weights)
    .map(Number)
    .sort((a, b) => a - b);
  return normalize({ index, value: index.map((i) => weights[i]!) });
};

describe('spherical k-means', () => {
  // Two groups sharing no term: terms 0–2 and terms 3–5.
  const vectors = [
    v({ 0: 1, 1: 1 }),
    v({ 0: 2, 2: 1 }),
    v({ 1: 1, 2: 1 }),
    v({ 3: 1, 4: 1 }),
    v({ 4: 1, 5: 2 }),
    v({ 3: 1, 5: 1 }),
  ];

  it('separates groups of comments that share no term', async () => {
    const { assignment } = await sphericalKMeans(vectors, 2, 6);
    expect(new Set(assignment.slice(0, 3)).size).toBe(1);
    expect(new Set(assignment.slice(3)).size).toBe(1);
    expect(assignment[0]).not.toBe(assignment[3]);
  });

  it('gives the same clusters for the same comments every time', async () => {
    expect((await sphericalKMeans(vectors, 3, 6)).assignment).toEqual(
      (await sphericalKMeans(vectors, 3, 6)).assignment,
    );
  });
});
