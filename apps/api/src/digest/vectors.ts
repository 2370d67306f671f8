/** A sparse vector: term ids in increasing order and their weights. */
export interface SparseVector {
  index: number[];
  value: number[];
}

export function normalize(v: SparseVector): SparseVector {
  const norm = Math.sqrt(v.value.reduce((sum, x) => sum + x * x, 0));
  return norm === 0 ? v : { index: v.index, value: v.value.map((x) => x / norm) };
}

/** `a + weight · b`. */
export function spread(a: SparseVector, b: SparseVector, weight: number): SparseVector {
  const sum = new Map<number, number>();
  a.index.forEach((t, j) => sum.set(t, a.value[j]!));
  b.index.forEach((t, j) => sum.set(t, (sum.get(t) ?? 0) + weight * b.value[j]!));
  const index = [...sum.keys()].sort((x, y) => x - y);
  return { index, value: index.map((t) => sum.get(t)!) };
}

/** Dot product with a dense vector. */
export function sparseDot(v: SparseVector, dense: Float64Array | SparseVector): number {
  if (dense instanceof Float64Array) {
    let sum = 0;
    for (let j = 0; j < v.index.length; j++) sum += v.value[j]! * dense[v.index[j]!]!;
    return sum;
  }
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < v.index.length && j < dense.index.length) {
    const a = v.index[i]!;
    const b = dense.index[j]!;
    if (a === b) sum += v.value[i++]! * dense.value[j++]!;
    else if (a < b) i++;
    else j++;
  }
  return sum;
}

const DAMPING = 0.85;
const LEXRANK_ITERATIONS = 40;

/**
 * Continuous LexRank (Erkan & Radev 2004): PageRank over the graph of sentences weighted by
 * their cosine similarity. Returns a score per sentence, summing to 1.
 */
export function lexRank(vectors: readonly SparseVector[]): number[] {
  const n = vectors.length;
  if (n === 0) return [];
  const weights = vectors.map((a, i) => vectors.map((b, j) => (i === j ? 0 : sparseDot(a, b))));
  const outDegree = weights.map((row) => row.reduce((s, w) => s + w, 0));
  let rank = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < LEXRANK_ITERATIONS; iteration++) {
    const next = new Array<number>(n).fill((1 - DAMPING) / n);
    for (let i = 0; i < n; i++) {
      // A sentence like no other spreads its rank evenly.
      if (outDegree[i] === 0) {
        for (let j = 0; j < n; j++) next[j]! += (DAMPING * rank[i]!) / n;
        continue;
      }
      for (let j = 0; j < n; j++) next[j]! += (DAMPING * rank[i]! * weights[i]![j]!) / outDegree[i]!;
    }
    rank = next;
  }
  return rank;
}
