import type { CodePointIndex } from './codepoints.js';
import { isGraphemeBoundary, isRegionalIndicator } from './graphemes.js';
import { prepareText, type TextInput } from './prepared-text.js';
import type { DescribedRange } from './types.js';
import { assertRange } from './validate.js';

/** Context lengths in code points: at least MIN when available, at most MAX. */
export const CONTEXT_MIN = 32;
export const CONTEXT_MAX = 64;
/** Extra code points read beyond the window so grapheme checks see neighbours. */
const LOOKAROUND = 8;

const WS = /^\s$/u;
const isWs = (ch: string | undefined): boolean => ch !== undefined && WS.test(ch);

/**
 * Picks the first acceptable cut from `candidates` (ordered by preference:
 * shortest context first), trying progressively weaker criteria. A context
 * that starts/ends on a word boundary survives re-wrapping and reads well;
 * failing that we cut next to whitespace, then at any grapheme boundary.
 */
function chooseCut(
  candidates: readonly number[],
  chars: readonly string[],
  toLocal: (cut: number) => number,
  isWordBoundary: (k: number) => boolean,
): number | undefined {
  const tiers: ((k: number) => boolean)[] = [
    isWordBoundary,
    (k) => isWs(chars[k - 1]) || isWs(chars[k]),
    (k) => isGraphemeBoundary(chars, k),
  ];
  for (const ok of tiers) {
    for (const cut of candidates) {
      if (ok(toLocal(cut))) return cut;
    }
  }
  return undefined;
}

interface CharWindow {
  /** Code points of the window. */
  chars: string[];
  /** Code point offset of chars[0] in the text. */
  base: number;
}

/**
 * Code points [from, to) of the text, extended backwards over any run of
 * regional indicators so that flag pairing (which counts from the start of
 * the run) is computed correctly inside the window.
 */
function readWindow(text: string, index: CodePointIndex, from: number, to: number): CharWindow {
  let u = index.toUtf16(from);
  let base = from;
  while (u >= 2 && isRegionalIndicator(text.codePointAt(u - 2) ?? 0)) {
    u -= 2;
    base--;
  }
  return { chars: Array.from(text.slice(u, index.toUtf16(to))), base };
}

function prefixFor(text: string, index: CodePointIndex, start: number): string {
  if (start <= CONTEXT_MIN) return text.slice(0, index.toUtf16(start));
  const { chars, base } = readWindow(text, index, Math.max(0, start - CONTEXT_MAX - LOOKAROUND), start);
  const candidates: number[] = [];
  for (let q = start - CONTEXT_MIN; q >= Math.max(0, start - CONTEXT_MAX); q--) candidates.push(q);
  const cut =
    chooseCut(
      candidates,
      chars,
      (q) => q - base,
      (k) => k + base === 0 || (isWs(chars[k - 1]) && !isWs(chars[k])),
    ) ?? start - CONTEXT_MIN;
  return chars.slice(cut - base).join('');
}

function suffixFor(text: string, index: CodePointIndex, end: number): string {
  const length = index.length;
  if (length - end <= CONTEXT_MIN) return text.slice(index.toUtf16(end));
  const { chars, base } = readWindow(text, index, end, Math.min(length, end + CONTEXT_MAX + LOOKAROUND));
  const candidates: number[] = [];
  for (let r = end + CONTEXT_MIN; r <= Math.min(length, end + CONTEXT_MAX); r++) candidates.push(r);
  const cut =
    chooseCut(
      candidates,
      chars,
      (r) => r - base,
      (k) => k + base === length || (!isWs(chars[k - 1]) && isWs(chars[k])),
    ) ?? end + CONTEXT_MIN;
  return chars.slice(end - base, cut - base).join('');
}

/**
 * Builds W3C position + quote selectors for the code point range
 * [start, end) of `text`. Context is 32–64 code points, word-aligned when
 * possible, and never splits a character.
 *
 * @throws RangeError when the range is not 0 ≤ start < end ≤ length.
 */
export function describe(text: TextInput, start: number, end: number): DescribedRange {
  const doc = prepareText(text);
  assertRange(start, end, doc.length, 'describe()');
  const index = doc.index;
  return {
    position: { start, end },
    quote: {
      exact: index.slice(start, end),
      prefix: prefixFor(doc.text, index, start),
      suffix: suffixFor(doc.text, index, end),
    },
  };
}
