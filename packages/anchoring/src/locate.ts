/**
 * The quote search shared by anchor() and reanchorAll(): verbatim search,
 * then a whitespace-insensitive pass, then approximate matching.
 */
import { codePointLength, isInsideSurrogatePair } from './codepoints.js';
import type { PreparedText } from './prepared-text.js';
import { maxErrorsFor, pickBest, type MatchContext, type ScoredCandidate } from './scoring.js';
import { refineEdges } from './refine.js';
import { approxCandidates, exactCandidates } from './search.js';
import type { TextQuoteSelector } from './types.js';
import { collapseWhitespace, isWhitespaceCode, toNormalizedIndex } from './whitespace.js';

/** Minimum half-width (UTF-16 units) of the window searched around a hint. */
const HINT_WINDOW = 512;

export interface Located {
  /** UTF-16 range in the prepared text. */
  start16: number;
  end16: number;
  score: number;
  /** The located text equals the quote exactly. */
  verbatim: boolean;
}

function collapseOptional(s: string | undefined): string | undefined {
  return s === undefined ? undefined : collapseWhitespace(s);
}

/**
 * Finds the best acceptable location of `quote` in `doc`.
 *
 * @param hint16 expected UTF-16 start, used to rank candidates and to try a
 *   cheap local fuzzy search before scanning the whole text.
 */
export function locate(
  doc: PreparedText,
  quote: TextQuoteSelector,
  hint16: number | undefined,
  minScore: number,
): Located | undefined {
  const raw = doc.text;
  const exact = quote.exact;

  // (b) Verbatim occurrences, ranked by context and distance to the hint.
  const rawCtx: MatchContext = {
    hay: raw,
    quoteUnits: exact.length,
    quoteCodePoints: codePointLength(exact),
    prefix: quote.prefix,
    suffix: quote.suffix,
    hint: hint16,
    minScore,
  };
  const verbatim = pickBest(exactCandidates(raw, exact), rawCtx);
  if (verbatim) {
    return { start16: verbatim.start, end16: verbatim.end, score: verbatim.score, verbatim: true };
  }

  // (c) Everything else runs on the whitespace-collapsed text so that
  // re-wrapped or re-spaced passages cost nothing.
  const norm = doc.normalized;
  const nQuote = collapseWhitespace(exact);
  if (nQuote.trim().length === 0) return undefined;
  const ctx: MatchContext = {
    hay: norm.text,
    quoteUnits: nQuote.length,
    quoteCodePoints: codePointLength(nQuote),
    prefix: collapseOptional(quote.prefix),
    suffix: collapseOptional(quote.suffix),
    hint: hint16 === undefined ? undefined : toNormalizedIndex(norm, hint16),
    minScore,
  };
  const mapBack = (c: ScoredCandidate): Located => {
    let start16 = norm.origin[c.start] as number;
    let end16 = norm.origin[c.end] as number;
    // Approximate matches are computed on code units and may cut a pair.
    if (isInsideSurrogatePair(raw, start16)) start16--;
    if (isInsideSurrogatePair(raw, end16)) end16++;
    // An edit distance match may absorb neighbouring whitespace (a collapsed
    // run maps back to the whole run); only keep it if the quote has it too.
    // The quote is not whitespace-only here, so the range cannot empty out.
    if (!isWhitespaceCode(exact.charCodeAt(0))) {
      while (start16 < end16 - 1 && isWhitespaceCode(raw.charCodeAt(start16))) start16++;
    }
    if (!isWhitespaceCode(exact.charCodeAt(exact.length - 1))) {
      while (end16 - 1 > start16 && isWhitespaceCode(raw.charCodeAt(end16 - 1))) end16--;
    }
    return {
      start16,
      end16,
      score: c.score,
      verbatim: raw.slice(start16, end16) === exact,
    };
  };

  const refine = (c: ScoredCandidate): ScoredCandidate => ({
    ...c,
    ...refineEdges(c, { hay: norm.text, quote: nQuote, prefix: ctx.prefix, suffix: ctx.suffix }),
  });

  // Whitespace-only differences. Skipped when collapsing changes nothing,
  // since it would just repeat the verbatim pass.
  const sameAsRaw = norm.unchanged && nQuote === exact && ctx.prefix === quote.prefix && ctx.suffix === quote.suffix;
  if (!sameAsRaw) {
    const best = pickBest(exactCandidates(norm.text, nQuote), ctx);
    if (best) return mapBack(best);
  }

  const maxErrors = maxErrorsFor(ctx.quoteCodePoints, nQuote.length);
  if (maxErrors === 0) return undefined;

  // The approximate search reports only the lowest-error matches in the
  // searched range, so a distant near-duplicate could hide the real
  // (slightly more edited) passage. Searching near the hint first avoids
  // that and is ~100x cheaper than scanning a long text.
  const len = norm.text.length;
  if (ctx.hint !== undefined) {
    const pad = Math.max(HINT_WINDOW, nQuote.length * 2);
    const from = Math.max(0, ctx.hint - pad);
    const to = Math.min(len, ctx.hint + nQuote.length + pad);
    if (from > 0 || to < len) {
      const local = pickBest(approxCandidates(norm.text, nQuote, maxErrors, from, to), ctx);
      if (local) return mapBack(refine(local));
    }
  }
  const global = pickBest(approxCandidates(norm.text, nQuote, maxErrors), ctx);
  return global ? mapBack(refine(global)) : undefined;
}
