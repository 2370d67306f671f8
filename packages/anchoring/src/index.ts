/**
 * @marginalia/anchoring: describe text ranges as W3C selectors and anchor
 * them again in later revisions. All offsets are Unicode code points.
 */
export type {
  AnchoredResult,
  AnchorOptions,
  AnchorResult,
  AnchorStatus,
  DescribedRange,
  OrphanedResult,
  ReanchorOptions,
  ReanchorResult,
  Selectors,
  StoredAnchor,
  TextPositionSelector,
  TextQuoteSelector,
} from './types.js';
export { CodePointIndex, codePointLength, sliceCodePoints, toCodePointOffset, toUtf16Offset } from './codepoints.js';
export { PreparedText, prepareText, type TextInput } from './prepared-text.js';
export { describe, CONTEXT_MAX, CONTEXT_MIN } from './describe.js';
export { anchor } from './anchor.js';
export { reanchorAll } from './reanchor.js';
export { computeDiff, mapPositions, DEFAULT_DIFF_TIMEOUT_MS } from './diff.js';
export {
  DEFAULT_MIN_SCORE,
  MAX_FUZZY_ERRORS,
  MODERATE_CONTEXT,
  POSITION_WEIGHT,
  PREFIX_WEIGHT,
  QUOTE_WEIGHT,
  SHORT_QUOTE_LENGTH,
  STRONG_CONTEXT,
  SUFFIX_WEIGHT,
  TINY_QUOTE_LENGTH,
} from './scoring.js';
