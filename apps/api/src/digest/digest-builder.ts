import { readComment, type ReadComment, type Sentence } from './digest-text.js';
import { lexRank, normalize, sparseDot, spread, type SparseVector } from './vectors.js';
import { sphericalKMeans } from './clustering.js';
import { Turns } from './turns.js';

/** A published comment as the digest reads it. */
export interface DigestSource {
  id: string;
  /** Who wrote it (a user, an imported author or a legacy name): a theme needs two of them. */
  commenter: string;
  parentId: string | null;
  body: string;
  /** The passage its thread is anchored to; null for page-level threads. */
  anchor: DigestAnchor | null;
}

export interface DigestAnchor {
  threadId: string;
  quote: string;
  start: number;
  end: number;
}

export interface DigestSentence {
  text: string;
  commentId: string;
}

export interface DigestTheme {
  label: string;
  terms: string[];
  sentences: DigestSentence[];
  commentIds: string[];
  passage: DigestAnchor | null;
}

export interface Digest {
  commentCount: number;
  themes: DigestTheme[];
  openQuestions: DigestSentence[];
  /** Share of the comments with content words that belong to a theme. */
  coverage: number;
}

/** Below this many comments there is nothing to summarise: the digest is empty. */
export const MIN_DIGEST_COMMENTS = 5;
const SENTENCES_PER_THEME = 3;
const OPEN_QUESTIONS = 5;
const LABEL_TERMS = 3;
/** A reply reads with a little of what it answers ("Are you serious?" is about its parent). */
const PARENT_WEIGHT = 0.5;
/** A comment of a dropped cluster joins the nearest kept theme only if they share this much. */
const MIN_JOIN_SIMILARITY = 0.05;
/** Sentences of one theme too alike to quote both. */
const REDUNDANT_SIMILARITY = 0.5;
/** LexRank runs over the sentences nearest the theme's centre, not all of a big theme's. */
const LEXRANK_CANDIDATES = 60;

interface ReadSource {
  source: DigestSource;
  sentences: Sentence[];
  vector: SparseVector;
}

/**
 * Builds the digest of a discussion, extractively: every sentence in it is a sentence a reader
 * wrote. Comments become TF-IDF vectors, clustered by spherical k-means; each cluster with at
 * least two commenters is a theme, labelled by its most distinctive terms and quoted by the
 * sentences LexRank ranks highest. See docs/digest.md.
 */
export async function buildDigest(sources: readonly DigestSource[], turns = new Turns()): Promise<Digest> {
  // Every loop over the comments lets the event loop run now and then (turns.ts), for a build
  // on the worker's main thread, beside the moderation jobs (DIGEST_BUILD_THREAD=false).
  const read: Array<{ source: DigestSource } & ReadComment> = [];
  for (const source of sources) {
    if (turns.due()) await turns.next();
    read.push({ source, ...readComment(source.body) });
  }
  const empty: Digest = { commentCount: sources.length, themes: [], openQuestions: [], coverage: 0 };
  if (sources.length < MIN_DIGEST_COMMENTS) return empty;

  const vocabulary = new Vocabulary(read.map((r) => r.terms));
  const written = commonForms(read);
  await turns.next();
  const own: SparseVector[] = [];
  for (const r of read) {
    if (turns.due()) await turns.next();
    own.push(vocabulary.vector(r.terms));
  }
  const indexById = new Map(read.map((r, i) => [r.source.id, i]));
  const comments: ReadSource[] = read.map((r, i) => {
    const parent = r.source.parentId === null ? undefined : indexById.get(r.source.parentId);
    const vector = parent === undefined ? own[i]! : normalize(spread(own[i]!, own[parent]!, PARENT_WEIGHT));
    return { source: r.source, sentences: r.sentences, vector };
  });
  const withContent = comments.filter((c) => c.vector.index.length > 0);
  if (withContent.length < MIN_DIGEST_COMMENTS) return empty;

  const k = Math.min(8, Math.max(2, Math.round(Math.sqrt(withContent.length / 2)) + 1));
  const clustering = await sphericalKMeans(
    withContent.map((c) => c.vector),
    k,
    vocabulary.size,
    turns,
  );
  const members = await themesOf(withContent, clustering.assignment, clustering.centroids, turns);
  const built: DigestTheme[] = [];
  for (const { cluster, comments: inTheme } of members) {
    const centroid = clustering.centroids[cluster]!;
    const terms = await distinctiveTerms(inTheme, withContent, vocabulary, turns);
    built.push({
      label: terms.map((t) => written.get(t) ?? t).join(', '),
      terms,
      sentences: await representativeSentences(inTheme, centroid, vocabulary, turns),
      commentIds: inTheme.map((c) => c.source.id),
      passage: commonPassage(inTheme),
    });
  }
  const themes = built
    .filter((t) => t.terms.length > 0 && t.sentences.length > 0)
    .sort((a, b) => b.commentIds.length - a.commentIds.length);
  const covered = themes.reduce((n, t) => n + t.commentIds.length, 0);

  return {
    commentCount: sources.length,
    themes,
    openQuestions: await openQuestions(comments, vocabulary, turns),
    coverage: covered / withContent.length,
  };
}

/**
 * Clusters with comments from at least two commenters become themes; the members of the others
 * join the nearest theme they share terms with, or stay out of every theme.
 */
async function themesOf(
  comments: readonly ReadSource[],
  assignment: readonly number[],
  centroids: readonly Float64Array[],
  turns: Turns,
): Promise<Array<{ cluster: number; comments: ReadSource[] }>> {
  const byCluster = new Map<number, ReadSource[]>();
  comments.forEach((c, i) => {
    const inCluster = byCluster.get(assignment[i]!);
    if (inCluster) inCluster.push(c);
    else byCluster.set(assignment[i]!, [c]);
  });
  const kept = [...byCluster.entries()].filter(
    ([, inCluster]) => inCluster.length >= 2 && new Set(inCluster.map((c) => c.source.commenter)).size >= 2,
  );
  const keptClusters = new Set(kept.map(([cluster]) => cluster));
  const themes = new Map(kept.map(([cluster, inCluster]) => [cluster, [...inCluster]]));
  for (const [i, c] of comments.entries()) {
    if (turns.due()) await turns.next();
    if (keptClusters.has(assignment[i]!)) continue;
    let best = -1;
    let bestSimilarity = MIN_JOIN_SIMILARITY;
    for (const cluster of keptClusters) {
      const similarity = sparseDot(c.vector, centroids[cluster]!);
      if (similarity > bestSimilarity) [best, bestSimilarity] = [cluster, similarity];
    }
    if (best >= 0) themes.get(best)!.push(c);
  }
  return [...themes.entries()].map(([cluster, inTheme]) => ({ cluster, comments: inTheme }));
}

/** The terms whose mean weight in the theme most exceeds their mean weight elsewhere. */
async function distinctiveTerms(
  inTheme: readonly ReadSource[],
  all: readonly ReadSource[],
  vocabulary: Vocabulary,
  turns: Turns,
): Promise<string[]> {
  const inside = new Float64Array(vocabulary.size);
  const outsideWeight = new Float64Array(vocabulary.size);
  const commentsInside = new Uint32Array(vocabulary.size);
  const members = new Set(inTheme);
  for (const c of all) {
    if (turns.due()) await turns.next();
    const member = members.has(c);
    c.vector.index.forEach((t, j) => {
      if (member) {
        inside[t]! += c.vector.value[j]!;
        commentsInside[t]! += 1;
      } else outsideWeight[t]! += c.vector.value[j]!;
    });
  }
  const outside = Math.max(1, all.length - inTheme.length);
  const scored: Array<[number, number]> = [];
  for (let t = 0; t < vocabulary.size; t++) {
    // Terms in one comment only would label a theme by one reader's words.
    if (commentsInside[t]! < 2) continue;
    scored.push([t, inside[t]! / inTheme.length - outsideWeight[t]! / outside]);
  }
  return scored
    .filter(([, score]) => score > 0)
    .sort((a, b) => b[1] - a[1] || vocabulary.term(a[0]).localeCompare(vocabulary.term(b[0])))
    .slice(0, LABEL_TERMS)
    .map(([t]) => vocabulary.term(t));
}

/**
 * The theme's sentences nearest its centre, ranked by LexRank among themselves, picked so
 * that no two come from one comment or one commenter or say nearly the same.
 */
async function representativeSentences(
  inTheme: readonly ReadSource[],
  centroid: Float64Array,
  vocabulary: Vocabulary,
  turns: Turns,
): Promise<DigestSentence[]> {
  const quotable: Array<{ comment: ReadSource; sentence: Sentence; vector: SparseVector }> = [];
  for (const c of inTheme) {
    if (turns.due()) await turns.next();
    for (const s of c.sentences)
      if (s.quotable) quotable.push({ comment: c, sentence: s, vector: vocabulary.vector(s.terms) });
  }
  const candidates = quotable
    .filter((s) => s.vector.index.length > 0)
    .map((s) => ({ ...s, centrality: sparseDot(s.vector, centroid) }))
    .sort((a, b) => b.centrality - a.centrality)
    .slice(0, LEXRANK_CANDIDATES);
  const rank = lexRank(candidates.map((s) => s.vector));
  const ordered = candidates
    .map((s, i) => ({ ...s, score: rank[i]! * candidates.length * 0.5 + s.centrality }))
    .sort((a, b) => b.score - a.score);
  const picked: typeof ordered = [];
  for (const s of ordered) {
    if (picked.length === SENTENCES_PER_THEME) break;
    const clash = picked.some(
      (p) =>
        p.comment === s.comment ||
        p.comment.source.commenter === s.comment.source.commenter ||
        sparseDot(p.vector, s.vector) > REDUNDANT_SIMILARITY,
    );
    if (!clash) picked.push(s);
  }
  return picked.map((s) => ({ text: s.sentence.text, commentId: s.comment.source.id }));
}

/** The passage most of the theme's anchored comments point at; null when none is anchored. */
function commonPassage(inTheme: readonly ReadSource[]): DigestAnchor | null {
  const counts = new Map<string, { anchor: DigestAnchor; count: number }>();
  for (const { source } of inTheme) {
    if (!source.anchor) continue;
    const key = `${source.anchor.start}:${source.anchor.end}`;
    const entry = counts.get(key) ?? { anchor: source.anchor, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  const best = [...counts.values()].sort((a, b) => b.count - a.count || a.anchor.start - b.anchor.start)[0];
  return best?.anchor ?? null;
}

/**
 * Questions readers asked that no published comment answers (no published reply), those
 * nearest what the whole discussion is about first, one per comment. Imported discussions
 * without reply structure count every comment as unanswered.
 */
async function openQuestions(
  comments: readonly ReadSource[],
  vocabulary: Vocabulary,
  turns: Turns,
): Promise<DigestSentence[]> {
  const answered = new Set(comments.map((c) => c.source.parentId).filter((id): id is string => id !== null));
  const centre = new Float64Array(vocabulary.size);
  for (const c of comments) c.vector.index.forEach((t, j) => (centre[t]! += c.vector.value[j]!));
  const asked: Array<DigestSentence & { score: number }> = [];
  for (const c of comments) {
    if (turns.due()) await turns.next();
    if (answered.has(c.source.id)) continue;
    const scored = c.sentences
      .filter((s) => s.question && s.quotable)
      .map((s) => ({ s, score: sparseDot(vocabulary.vector(s.terms), centre) }))
      .filter(({ score }) => score > 0)
      .sort((a, b) => b.score - a.score);
    if (scored[0]) asked.push({ text: scored[0].s.text, commentId: c.source.id, score: scored[0].score });
  }
  return asked
    .sort((a, b) => b.score - a.score)
    .slice(0, OPEN_QUESTIONS)
    .map(({ text, commentId }) => ({ text, commentId }));
}

/** Each term's most common written form ("DNC", "spheres"). */
function commonForms(read: ReadonlyArray<{ terms: string[]; forms: string[] }>): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const { terms, forms } of read) {
    terms.forEach((term, i) => {
      const form = forms[i]!;
      const byForm = counts.get(term) ?? new Map<string, number>();
      byForm.set(form, (byForm.get(form) ?? 0) + 1);
      counts.set(term, byForm);
    });
  }
  return new Map(
    [...counts.entries()].map(([term, byForm]) => [term, [...byForm.entries()].sort((a, b) => b[1] - a[1])[0]![0]]),
  );
}

/**
 * Terms found in at least two comments, with their inverse document frequency; turns a list
 * of terms into a unit TF-IDF vector (sublinear term frequency).
 */
class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly idf: number[] = [];

  constructor(documents: readonly string[][]) {
    const df = new Map<string, number>();
    for (const doc of documents) for (const term of new Set(doc)) df.set(term, (df.get(term) ?? 0) + 1);
    const n = documents.length;
    for (const [term, count] of [...df.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
      if (count < 2) continue;
      this.ids.set(term, this.terms.length);
      this.terms.push(term);
      this.idf.push(Math.log((n + 1) / (count + 1)) + 1);
    }
  }

  get size(): number {
    return this.terms.length;
  }

  term(id: number): string {
    return this.terms[id]!;
  }

  vector(terms: readonly string[]): SparseVector {
    const tf = new Map<number, number>();
    for (const term of terms) {
      const id = this.ids.get(term);
      if (id !== undefined) tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    const index = [...tf.keys()].sort((a, b) => a - b);
    return normalize({ index, value: index.map((id) => (1 + Math.log(tf.get(id)!)) * this.idf[id]!) });
  }
}
