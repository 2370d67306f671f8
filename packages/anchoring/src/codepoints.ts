/**
 * Conversions between Unicode code point offsets (the unit of every public
 * offset in this package) and UTF-16 code unit indices (the unit of JS string
 * operations).
 *
 * A text only differs between the two units at astral characters (emoji,
 * some CJK, flags...), which are stored as surrogate pairs. We record the
 * UTF-16 index of every pair once; a conversion is then a binary search over
 * that list (O(log k) for k astral characters) and O(1) for pure-BMP text,
 * which is the common case for prose.
 */

const HIGH_MIN = 0xd800;
const HIGH_MAX = 0xdbff;
const LOW_MIN = 0xdc00;
const LOW_MAX = 0xdfff;

function isHigh(code: number): boolean {
  return code >= HIGH_MIN && code <= HIGH_MAX;
}

function isLow(code: number): boolean {
  return code >= LOW_MIN && code <= LOW_MAX;
}

/**
 * True when UTF-16 index `i` falls between the two halves of a surrogate
 * pair, i.e. cutting there would produce broken characters.
 */
export function isInsideSurrogatePair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1));
}

/** Number of code points in `text` (lone surrogates count as one each). */
export function codePointLength(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length - 1; i++) {
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
      pairs++;
      i++;
    }
  }
  return text.length - pairs;
}

function assertInteger(value: number, name: string): void {
  if (!Number.isInteger(value)) {
    throw new RangeError(`${name} must be an integer, got ${String(value)}`);
  }
}

/**
 * Precomputed offset index for one immutable text. Build once per text
 * revision and reuse it for every conversion.
 */
export class CodePointIndex {
  readonly text: string;
  /** Length of the text in code points. */
  readonly length: number;
  /**
   * UTF-16 index of the high surrogate of every well-formed pair, ascending.
   * Astral char k starts at code point `astral[k] - k`.
   */
  private readonly astral: Int32Array;

  constructor(text: string) {
    this.text = text;
    let count = 0;
    for (let i = 0; i < text.length - 1; i++) {
      if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
        count++;
        i++;
      }
    }
    const astral = new Int32Array(count);
    if (count > 0) {
      let k = 0;
      for (let i = 0; i < text.length - 1; i++) {
        if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
          astral[k++] = i;
          i++;
        }
      }
    }
    this.astral = astral;
    this.length = text.length - count;
  }

  /** True when the text has no astral characters (offsets coincide). */
  get isBmpOnly(): boolean {
    return this.astral.length === 0;
  }

  /** UTF-16 index of code point offset `cp` (0 ≤ cp ≤ length). */
  toUtf16(cp: number): number {
    assertInteger(cp, 'code point offset');
    if (cp < 0 || cp > this.length) {
      throw new RangeError(`code point offset ${cp} is outside the text (0..${this.length})`);
    }
    const astral = this.astral;
    // Count astral chars that start before `cp`: those with astral[k]-k < cp.
    let lo = 0;
    let hi = astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((astral[mid] as number) - mid < cp) lo = mid + 1;
      else hi = mid;
    }
    return cp + lo;
  }

  /**
   * Code point offset of UTF-16 index `u` (0 ≤ u ≤ text.length). An index
   * inside a surrogate pair is floored to the start of that character.
   */
  toCodePoint(u: number): number {
    assertInteger(u, 'UTF-16 index');
    if (u < 0 || u > this.text.length) {
      throw new RangeError(`UTF-16 index ${u} is outside the text (0..${this.text.length})`);
    }
    const astral = this.astral;
    // Each astral char whose high surrogate is before `u` saved one unit.
    let lo = 0;
    let hi = astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((astral[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    return u - lo;
  }

  /** Substring by code point offsets. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}

/** One-off conversion; build a {@link CodePointIndex} for repeated use. */
export function toUtf16Offset(text: string, cp: number): number {
  return new CodePointIndex(text).toUtf16(cp);
}

/** One-off conversion; build a {@link CodePointIndex} for repeated use. */
export function toCodePointOffset(text: string, utf16: number): number {
  return new CodePointIndex(text).toCodePoint(utf16);
}

/** Substring by code point offsets (one-off; see {@link CodePointIndex}). */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return new CodePointIndex(text).slice(start, end);
}
