/** Input validation shared by the public entry points. */
import { DEFAULT_MIN_SCORE } from './scoring.js';
import type { TextPositionSelector, TextQuoteSelector } from './types.js';

export function assertRange(start: number, end: number, length: number, what = 'range'): void {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new RangeError(
      `${what}: start and end must be integers (code points), got start=${String(start)}, end=${String(end)}`,
    );
  }
  if (start < 0) throw new RangeError(`${what}: start ${start} is negative`);
  if (end > length) {
    throw new RangeError(`${what}: end ${end} is past the end of the text (length ${length} code points)`);
  }
  if (start >= end) {
    throw new RangeError(`${what}: start ${start} must be less than end ${end} (empty or reversed range)`);
  }
}

/** Position selectors may point past the end of a *new* text; only their shape is checked. */
export function assertPositionShape(p: TextPositionSelector, what = 'position'): void {
  if (typeof p !== 'object' || p === null) {
    throw new TypeError(`${what} must be an object with start and end`);
  }
  assertRange(p.start, p.end, Number.POSITIVE_INFINITY, what);
}

export function assertQuote(q: TextQuoteSelector, what = 'quote'): void {
  if (typeof q !== 'object' || q === null) {
    throw new TypeError(`${what} must be an object with an exact string`);
  }
  if (typeof q.exact !== 'string' || q.exact.length === 0) {
    throw new RangeError(`${what}.exact must be a non-empty string`);
  }
  if (q.prefix !== undefined && typeof q.prefix !== 'string') {
    throw new TypeError(`${what}.prefix must be a string when present`);
  }
  if (q.suffix !== undefined && typeof q.suffix !== 'string') {
    throw new TypeError(`${what}.suffix must be a string when present`);
  }
}

export function resolveMinScore(minScore: number | undefined): number {
  if (minScore === undefined) return DEFAULT_MIN_SCORE;
  if (!Number.isFinite(minScore) || minScore < 0 || minScore > 1) {
    throw new RangeError(`minScore must be a number between 0 and 1, got ${String(minScore)}`);
  }
  return minScore;
}
