import type { Located } from './locate.js';
import { locate } from './locate.js';
import { prepareText, type PreparedText, type TextInput } from './prepared-text.js';
import type { AnchorOptions, AnchorResult, Selectors, TextPositionSelector } from './types.js';
import { assertPositionShape, assertQuote, resolveMinScore } from './validate.js';

/**
 * Converts a located UTF-16 range into the public result. `expected` is the
 * position the caller believes the quote had: a verbatim hit there is EXACT,
 * elsewhere MOVED.
 */
export function toResult(
  doc: PreparedText,
  found: Located | undefined,
  expected: TextPositionSelector | undefined,
): AnchorResult {
  if (found === undefined) return { status: 'ORPHANED' };
  const start = doc.index.toCodePoint(found.start16);
  const end = doc.index.toCodePoint(found.end16);
  if (!found.verbatim) return { status: 'FUZZY', start, end, score: found.score };
  if (expected === undefined || (expected.start === start && expected.end === end)) {
    return { status: 'EXACT', start, end, score: 1 };
  }
  return { status: 'MOVED', start, end, score: found.score };
}

/**
 * Finds where a quote (with optional position) lives in `text`.
 *
 * Order: (a) the position selector verbatim → EXACT; (b) verbatim quote
 * elsewhere, best by context then proximity → MOVED; (c) whitespace-
 * insensitive, then approximate match scored like Hypothesis → FUZZY;
 * otherwise ORPHANED. Offsets are code points.
 */
export function anchor(text: TextInput, selectors: Selectors, options: AnchorOptions = {}): AnchorResult {
  const doc = prepareText(text);
  if (typeof selectors !== 'object' || selectors === null) {
    throw new TypeError('selectors must be an object with a quote');
  }
  const { quote, position } = selectors;
  assertQuote(quote, 'selectors.quote');
  if (position !== undefined) assertPositionShape(position, 'selectors.position');
  const minScore = resolveMinScore(options.minScore);

  // (a) Cheapest and most common case: nothing before the passage changed.
  if (position !== undefined && position.end <= doc.length) {
    if (doc.index.slice(position.start, position.end) === quote.exact) {
      return { status: 'EXACT', start: position.start, end: position.end, score: 1 };
    }
  }

  const hint = options.hint ?? position?.start;
  if (hint !== undefined && !Number.isInteger(hint)) {
    throw new RangeError(`options.hint must be an integer code point offset, got ${String(hint)}`);
  }
  // A stale hint may point past the end of a shortened text; clamp it.
  const hint16 = hint === undefined ? undefined : doc.index.toUtf16(Math.min(Math.max(0, hint), doc.length));
  return toResult(doc, locate(doc, quote, hint16, minScore), position);
}
