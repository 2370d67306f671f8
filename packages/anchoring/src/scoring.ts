/**
 * Candidate scoring and acceptance thresholds.
 *
 * The weighting follows the Hypothesis client's quote matcher: similarity of
 * the matched text to the quote dominates, prefix and suffix context break
 * ties between repeated or similar passages, and distance to the expected
 * position is only a last tie-breaker. On top of that we add acceptance
 * rules, because annotating the wrong passage is worse than orphaning: short
 * quotes ("the", "in 2019") occur everywhere, so they need exact text AND
 * confirming context.
 */
import { contextSimilarity, verbatimContextLength } from './similarity.js';

export const QUOTE_WEIGHT = 50;
export const PREFIX_WEIGHT = 20;
export const SUFFIX_WEIGHT = 20;
export const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** Default minimum normalised score for a fuzzy (non-verbatim) match. */
export const DEFAULT_MIN_SCORE = 0.75;
/** Quotes shorter than this (code points) only match verbatim, with strong context. */
export const TINY_QUOTE_LENGTH = 8;
/** Quotes shorter than this (code points) tolerate at most one error. */
export const SHORT_QUOTE_LENGTH = 20;
/** Context similarity required for tiny quotes and for 1-error short quotes. */
export const STRONG_CONTEXT = 0.8;
/** Context similarity required for verbatim short quotes. */
export const MODERATE_CONTEXT = 0.5;
/** Fuzzy search allows up to a quarter of the quote as errors, capped. */
export const MAX_FUZZY_ERRORS = 256;
/** Above this many candidates only the most promising are fully scored. */
const MAX_SCORED_CANDIDATES = 64;

export interface Candidate {
  /** UTF-16 start in the haystack being searched. */
  start: number;
  /** UTF-16 end (exclusive) in the haystack. */
  end: number;
  /** Edit distance between the matched text and the quote. */
  errors: number;
}

export interface ScoredCandidate extends Candidate {
  /** Normalised 0..1 weighted score. */
  score: number;
  /** Mean similarity of the informative context sides (0.5 when none). */
  context: number;
}

export interface MatchContext {
  /** The text being searched (raw or whitespace-normalised). */
  hay: string;
  /** Quote length in haystack units. */
  quoteUnits: number;
  /** Quote length in code points (drives the short-quote rules). */
  quoteCodePoints: number;
  prefix: string | undefined;
  suffix: string | undefined;
  /** Expected start in haystack units, if known. */
  hint: number | undefined;
  minScore: number;
}

interface SideScore {
  score: number;
  /** Whether this side is evidence for or against the candidate. */
  informative: boolean;
}

function sideScore(expected: string | undefined, hay: string, at: number, side: 'before' | 'after'): SideScore {
  // No selector context at all: neutral, as in Hypothesis.
  if (expected === undefined) return { score: 1, informative: false };
  if (expected === '') {
    // Empty context means the quote touched the document edge. Being at the
    // edge confirms it; not being there is weak evidence, since text may
    // simply have been added before/after.
    const atEdge = side === 'before' ? at === 0 : at === hay.length;
    return atEdge ? { score: 1, informative: true } : { score: 0.5, informative: false };
  }
  return { score: contextSimilarity(expected, hay, at, side), informative: true };
}

export function scoreCandidate(c: Candidate, ctx: MatchContext): ScoredCandidate {
  const quoteScore = Math.max(0, 1 - c.errors / Math.max(1, ctx.quoteUnits));
  const before = sideScore(ctx.prefix, ctx.hay, c.start, 'before');
  const after = sideScore(ctx.suffix, ctx.hay, c.end, 'after');
  const posScore =
    ctx.hint === undefined ? 1 : 1 - Math.min(1, Math.abs(c.start - ctx.hint) / Math.max(1, ctx.hay.length));
  const raw =
    QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * before.score + SUFFIX_WEIGHT * after.score + POSITION_WEIGHT * posScore;
  let informative = 0;
  let contextSum = 0;
  if (before.informative) {
    informative++;
    contextSum += before.score;
  }
  if (after.informative) {
    informative++;
    contextSum += after.score;
  }
  return {
    ...c,
    score: raw / TOTAL_WEIGHT,
    context: informative === 0 ? 0.5 : contextSum / informative,
  };
}

/** Applies the length-dependent acceptance rules described in the README. */
export function isAcceptable(c: ScoredCandidate, ctx: MatchContext): boolean {
  const len = ctx.quoteCodePoints;
  if (len < TINY_QUOTE_LENGTH) {
    return c.errors === 0 && c.context >= STRONG_CONTEXT;
  }
  if (len < SHORT_QUOTE_LENGTH) {
    if (c.errors === 0) return c.context >= MODERATE_CONTEXT;
    return c.errors <= 1 && c.context >= STRONG_CONTEXT && c.score >= ctx.minScore;
  }
  // A verbatim quote of 20+ code points is strong evidence on its own.
  return c.errors === 0 || c.score >= ctx.minScore;
}

/** Error budget for the approximate search; 0 means "verbatim only". */
export function maxErrorsFor(quoteCodePoints: number, quoteUnits: number): number {
  if (quoteCodePoints < TINY_QUOTE_LENGTH) return 0;
  if (quoteCodePoints < SHORT_QUOTE_LENGTH) return 1;
  return Math.min(MAX_FUZZY_ERRORS, Math.floor(quoteUnits / 4));
}

/**
 * Limits how many candidates get the (comparatively costly) full scoring.
 * Keeps those nearest the hint and those with the most verbatim context, so
 * a quote like "the" with thousands of hits still resolves in microseconds.
 */
function preselect(candidates: readonly Candidate[], ctx: MatchContext): Candidate[] {
  if (candidates.length <= MAX_SCORED_CANDIDATES) return [...candidates];
  const half = MAX_SCORED_CANDIDATES / 2;
  const keep = new Set<Candidate>();
  if (ctx.hint !== undefined) {
    const hint = ctx.hint;
    [...candidates]
      .sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint))
      .slice(0, half)
      .forEach((c) => keep.add(c));
  }
  const verbatim = (c: Candidate): number =>
    (ctx.prefix ? verbatimContextLength(ctx.prefix, ctx.hay, c.start, 'before') : 0) +
    (ctx.suffix ? verbatimContextLength(ctx.suffix, ctx.hay, c.end, 'after') : 0);
  const byContext = candidates.map((c) => ({ c, v: verbatim(c) })).sort((a, b) => b.v - a.v);
  for (const { c } of byContext) {
    if (keep.size >= MAX_SCORED_CANDIDATES) break;
    keep.add(c);
  }
  return [...keep];
}

/** Best acceptable candidate, or undefined when none passes the rules. */
export function pickBest(candidates: readonly Candidate[], ctx: MatchContext): ScoredCandidate | undefined {
  let best: ScoredCandidate | undefined;
  for (const c of preselect(candidates, ctx)) {
    const scored = scoreCandidate(c, ctx);
    if (!isAcceptable(scored, ctx)) continue;
    if (best === undefined || scored.score > best.score) {
      best = scored;
    } else if (scored.score === best.score && ctx.hint !== undefined) {
      // Deterministic tie-break: nearer the hint, then earlier.
      const d = Math.abs(scored.start - ctx.hint);
      const bd = Math.abs(best.start - ctx.hint);
      if (d < bd || (d === bd && scored.start < best.start)) best = scored;
    } else if (scored.score === best.score && scored.start < best.start) {
      best = scored;
    }
  }
  return best;
}
