/**
 * Whitespace-insensitive view of a text. Editors routinely re-wrap lines,
 * collapse double spaces or turn a newline into a space; none of that should
 * orphan an annotation. Collapsing every whitespace run to a single space on
 * both sides turns such edits into exact matches.
 */

/** Same set as the JS `\s` class, tested by code without a regex per char. */
export function isWhitespaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export interface NormalizedText {
  /** Text with every whitespace run replaced by one U+0020. */
  readonly text: string;
  /**
   * `origin[i]` is the UTF-16 index in the source of normalised unit `i`;
   * `origin[text.length]` is the source length. Monotonic, so it can be
   * binary-searched for the inverse mapping.
   */
  readonly origin: Int32Array;
  /** True when normalisation changed nothing (lets callers skip a pass). */
  readonly unchanged: boolean;
}

/** Collapse whitespace runs to single spaces (no origin map). */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export function normalizeWhitespace(source: string): NormalizedText {
  const n = source.length;
  const origin = new Int32Array(n + 1);
  const codes: number[] = [];
  let len = 0;
  let i = 0;
  while (i < n) {
    const c = source.charCodeAt(i);
    origin[len] = i;
    if (isWhitespaceCode(c)) {
      codes.push(0x20);
      i++;
      while (i < n && isWhitespaceCode(source.charCodeAt(i))) i++;
    } else {
      codes.push(c);
      i++;
    }
    len++;
  }
  origin[len] = n;
  // Build the string in chunks: String.fromCharCode(...huge) overflows the stack.
  let text = '';
  const CHUNK = 8192;
  for (let k = 0; k < codes.length; k += CHUNK) {
    text += String.fromCharCode(...codes.slice(k, k + CHUNK));
  }
  return {
    text,
    origin: origin.subarray(0, len + 1),
    unchanged: len === n && text === source,
  };
}

/**
 * Normalised index of source index `u`: the last normalised unit whose
 * origin is ≤ u (a position inside a collapsed run maps to that run's space).
 */
export function toNormalizedIndex(norm: NormalizedText, u: number): number {
  const origin = norm.origin;
  let lo = 0;
  let hi = origin.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((origin[mid] as number) <= u) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
