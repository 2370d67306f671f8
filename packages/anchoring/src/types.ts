/**
 * Public data shapes. Offsets are always Unicode code points into the
 * revision's canonical text, never UTF-16 code units, so they are stable
 * across runtimes and storage layers that count characters differently.
 */

/** W3C Web Annotation TextPositionSelector (without the `type` tag). */
export interface TextPositionSelector {
  /** Inclusive start, in code points. */
  start: number;
  /** Exclusive end, in code points. */
  end: number;
}

/** W3C Web Annotation TextQuoteSelector (without the `type` tag). */
export interface TextQuoteSelector {
  exact: string;
  /**
   * Text immediately before `exact`. `''` means the quote started the
   * document; `undefined` means "unknown" and carries no evidence.
   */
  prefix?: string;
  /** Text immediately after `exact`; same conventions as `prefix`. */
  suffix?: string;
}

/** What `describe()` returns and what `anchor()` consumes. */
export interface Selectors {
  position?: TextPositionSelector;
  quote: TextQuoteSelector;
}

/** Output of `describe()`: both selectors are always present. */
export interface DescribedRange {
  position: TextPositionSelector;
  quote: Required<TextQuoteSelector>;
}

export type AnchorStatus = 'EXACT' | 'MOVED' | 'FUZZY' | 'ORPHANED';

export interface AnchoredResult {
  /**
   * EXACT: the quote sits verbatim at the position selector (or verbatim
   *        anywhere when no position was given).
   * MOVED: the quote sits verbatim, but at different offsets.
   * FUZZY: the best match differs from the quote (typos, whitespace).
   */
  status: 'EXACT' | 'MOVED' | 'FUZZY';
  start: number;
  end: number;
  /** 0..1 confidence; 1 for EXACT. */
  score: number;
}

export interface OrphanedResult {
  status: 'ORPHANED';
}

export type AnchorResult = AnchoredResult | OrphanedResult;

export interface AnchorOptions {
  /**
   * Minimum normalised score (0..1) a fuzzy match needs to be accepted.
   * Default {@link DEFAULT_MIN_SCORE}.
   */
  minScore?: number;
  /**
   * Where the quote is expected to start (code points). Only used to rank
   * candidates; defaults to `position.start`.
   */
  hint?: number;
}

export interface ReanchorOptions {
  /** See {@link AnchorOptions.minScore}. */
  minScore?: number;
  /**
   * Time budget for the old→new diff in milliseconds. When exceeded the
   * diff degrades to coarser blocks and more anchors take the slower
   * per-anchor search; results stay correct. Default 500.
   */
  diffTimeoutMs?: number;
}

export interface StoredAnchor<Id = string> {
  id: Id;
  position: TextPositionSelector;
  quote: TextQuoteSelector;
}

export type ReanchorResult<Id = string> = AnchorResult & { id: Id };
