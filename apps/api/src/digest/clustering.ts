import { Turns } from './turns.js';
import { sparseDot, type SparseVector } from './vectors.js';

export interface Clustering {
  /** The cluster of each vector. */
  assignment: number[];
  /** Unit centroids, dense over the vocabulary. */
  centroids: Float64Array[];
}

const ITERATIONS = 25;
const RESTARTS = 5;

/**
 * Spherical k-means (cosine similarity) over unit vectors, seeded by k-means++ from a fixed
 * pseudo-random sequence so the same comments always give the same themes; the best of a few
 * restarts (highest total similarity to the centroids) wins.
 */
export async function sphericalKMeans(
  vectors: readonly SparseVector[],
  k: number,
  dimensions: number,
  turns = new Turns(),
): Promise<Clustering> {
  let best: (Clustering & { cohesion: number }) | null = null;
  const random = mulberry32(0x5eed);
  for (let restart = 0; restart < RESTARTS; restart++) {
    const run = await once(vectors, Math.min(k, vectors.length), dimensions, random, turns);
    if (!best || run.cohesion > best.cohesion) best = run;
  }
  return { assignment: best!.assignment, centroids: best!.centroids };
}

async function once(
  vectors: readonly SparseVector[],
  k: number,
  dimensions: number,
  random: () => number,
  turns: Turns,
): Promise<Clustering & { cohesion: number }> {
  let centroids = await seeds(vectors, k, dimensions, random, turns);
  const assignment = new Array<number>(vectors.length).fill(-1);
  let cohesion = 0;
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    let moved = 0;
    cohesion = 0;
    for (let i = 0; i < vectors.length; i++) {
      if (turns.due()) await turns.next();
      let cluster = 0;
      let similarity = -1;
      for (let j = 0; j < centroids.length; j++) {
        const s = sparseDot(vectors[i]!, centroids[j]!);
        if (s > similarity) {
          cluster = j;
          similarity = s;
        }
      }
      cohesion += similarity;
      if (assignment[i] !== cluster) moved += 1;
      assignment[i] = cluster;
    }
    if (moved === 0) break;
    // Every centre recomputed in one pass over the vectors.
    const sums = centroids.map(() => new Float64Array(dimensions));
    const members = new Array<number>(centroids.length).fill(0);
    for (let i = 0; i < vectors.length; i++) {
      if (turns.due()) await turns.next();
      const v = vectors[i]!;
      const sum = sums[assignment[i]!]!;
      members[assignment[i]!]! += 1;
      for (let x = 0; x < v.index.length; x++) sum[v.index[x]!]! += v.value[x]!;
    }
    // An emptied cluster keeps its centre (it may win members back).
    centroids = centroids.map((previous, j) => (members[j] === 0 ? previous : unit(sums[j]!)));
  }
  return { assignment, centroids, cohesion };
}

/** k-means++: each next seed drawn with probability growing with its distance to the chosen ones. */
async function seeds(
  vectors: readonly SparseVector[],
  k: number,
  dimensions: number,
  random: () => number,
  turns: Turns,
): Promise<Float64Array[]> {
  const chosen: Float64Array[] = [dense(vectors[Math.floor(random() * vectors.length)]!, dimensions)];
  const distance = vectors.map((v) => 1 - sparseDot(v, chosen[0]!));
  while (chosen.length < k) {
    const total = distance.reduce((s, d) => s + Math.max(0, d), 0);
    let target = random() * total;
    let pick = vectors.length - 1;
    for (let i = 0; i < vectors.length; i++) {
      target -= Math.max(0, distance[i]!);
      if (target <= 0) {
        pick = i;
        break;
      }
    }
    const seed = dense(vectors[pick]!, dimensions);
    chosen.push(seed);
    for (let i = 0; i < vectors.length; i++) {
      if (turns.due()) await turns.next();
      distance[i] = Math.min(distance[i]!, 1 - sparseDot(vectors[i]!, seed));
    }
  }
  return chosen;
}

function dense(v: SparseVector, dimensions: number): Float64Array {
  const out = new Float64Array(dimensions);
  v.index.forEach((t, j) => (out[t] = v.value[j]!));
  return out;
}

function unit(v: Float64Array): Float64Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return v;
}

/** A small seeded pseudo-random generator (mulberry32). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
