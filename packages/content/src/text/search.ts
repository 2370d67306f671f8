/**
 * Tolerant passage search: quotes in comments differ from the article in quote marks,
 * apostrophes, punctuation, case, whitespace and elided parts ("…"). Both sides are reduced
 * to lower-case words separated by single spaces, with a map back to source UTF-16 offsets.
 */

export interface SearchText {
  /** Lower-case words joined by single spaces. */
  norm: string;
  /** For each char of `norm`, the source UTF-16 range it came from. */
  starts: Int32Array;
  ends: Int32Array;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const NON_WORD_RUN = /[^\p{L}\p{N}\p{M}]+/gu;
const FINAL_SIGMA = /ς/g;

const SPACE = 0x20;

export function toSearchText(source: string): SearchText {
  // Typed arrays and char codes instead of string pushes: this runs over whole articles.
  // Lower-casing can lengthen a char ("İ" → "i̇"), so capacity is grown on demand.
  let codes = new Uint16Array(source.length + 16);
  let starts = new Int32Array(source.length + 16);
  let ends = new Int32Array(source.length + 16);
  let n = 0;
  const push = (code: number, start: number, end: number): void => {
    if (n >= codes.length) {
      const size = codes.length * 2;
      const grownCodes = new Uint16Array(size);
      grownCodes.set(codes);
      codes = grownCodes;
      const grownStarts = new Int32Array(size);
      grownStarts.set(starts);
      starts = grownStarts;
      const grownEnds = new Int32Array(size);
      grownEnds.set(ends);
      ends = grownEnds;
    }
    codes[n] = code;
    starts[n] = start;
    ends[n] = end;
    n++;
  };
  let i = 0;
  while (i < source.length) {
    const code = source.charCodeAt(i);
    if (code < 0x80) {
      if ((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a)) push(code, i, i + 1);
      else if (code >= 0x41 && code <= 0x5a) push(code + 0x20, i, i + 1);
      else if (n > 0 && codes[n - 1] !== SPACE) push(SPACE, i, i + 1);
      i++;
      continue;
    }
    const point = source.codePointAt(i) ?? code;
    const width = point > 0xffff ? 2 : 1;
    const char = source.slice(i, i + width);
    if (WORD_CHAR.test(char)) {
      const lower = char.toLowerCase().replace(FINAL_SIGMA, 'σ');
      for (let j = 0; j < lower.length; j++) push(lower.charCodeAt(j), i, i + width);
    } else if (n > 0 && codes[n - 1] !== SPACE) {
      push(SPACE, i, i + width);
    }
    i += width;
  }
  if (n > 0 && codes[n - 1] === SPACE) n--;
  let norm = '';
  const CHUNK = 8192; // String.fromCharCode takes its arguments on the stack.
  for (let at = 0; at < n; at += CHUNK) norm += String.fromCharCode(...codes.subarray(at, Math.min(n, at + CHUNK)));
  return { norm, starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

/**
 * The `norm` of toSearchText without the offset maps, for quotes and comment bodies.
 * Final sigma is folded in both so whole-string and per-char lower-casing agree.
 */
export function normalizeWords(text: string): string {
  return text.toLowerCase().replace(FINAL_SIGMA, 'σ').replace(NON_WORD_RUN, ' ').trim();
}

export function wordCount(norm: string): number {
  return norm.length === 0 ? 0 : norm.split(' ').length;
}

/** Normalised text only has words, spaces and (in corpora) "\n" between documents. */
function isBoundary(char: string | undefined): boolean {
  return char === undefined || char === ' ' || char === '\n';
}

/** indexOf restricted to whole-word matches. */
function indexOfWords(hay: string, needle: string, from = 0): number {
  let at = hay.indexOf(needle, from);
  while (at >= 0) {
    if (isBoundary(hay[at - 1]) && isBoundary(hay[at + needle.length])) return at;
    at = hay.indexOf(needle, at + 1);
  }
  return -1;
}

/** lastIndexOf restricted to whole-word matches that end before `limit`. */
export function lastIndexOfWords(hay: string, needle: string, limit: number): number {
  if (needle.length === 0) return -1;
  let at = hay.lastIndexOf(needle, limit - needle.length);
  while (at >= 0) {
    if (isBoundary(hay[at - 1]) && isBoundary(hay[at + needle.length])) return at;
    at = at === 0 ? -1 : hay.lastIndexOf(needle, at - 1);
  }
  return -1;
}

interface NormRange {
  start: number;
  end: number;
}

const ELISION = /…|\.{3,}/;
// One elision mark plus any dots/ellipses glued to it ("…….."); a single character class
// after the first mark keeps the pattern linear.
const ELISION_ALL = /\[?\s*(?:…|\.{3})[….]*\s*\]?/g;
const CHUNK_WORDS = 4;

/** A quote prepared once and searched in many texts. */
export interface PreparedQuote {
  norm: string;
  words: number;
  /** Normalised parts between elisions ("…"), when the quote has any. */
  segments: string[];
}

export function prepareQuote(rawQuote: string): PreparedQuote {
  const norm = normalizeWords(rawQuote);
  const segments = ELISION.test(rawQuote)
    ? rawQuote
        .split(ELISION_ALL)
        .map(normalizeWords)
        .filter((segment) => wordCount(segment) >= 3)
    : [];
  return { norm, words: wordCount(norm), segments };
}

/** Elided quotes ("A … B"): every segment found in order, close together. */
function findSegments(hay: string, segments: readonly string[]): NormRange | null {
  if (segments.length < 2) return null;
  let from = 0;
  let range: NormRange | null = null;
  for (const segment of segments) {
    const at = indexOfWords(hay, segment, from);
    if (at < 0 || (range && at - range.end > 600)) return null;
    range = { start: range ? range.start : at, end: at + segment.length };
    from = range.end;
  }
  return range;
}

/**
 * Small differences inside the quote (a typo, a changed word): split it into 4-word chunks
 * and accept when most chunks are found in order within a span of about the quote's length.
 */
function findChunks(hay: string, quote: string): NormRange | null {
  const words = quote.split(' ');
  if (words.length < CHUNK_WORDS * 2) return null;
  const chunks: string[] = [];
  for (let i = 0; i < words.length; i += CHUNK_WORDS) chunks.push(words.slice(i, i + CHUNK_WORDS).join(' '));
  const needed = Math.ceil(chunks.length * 0.7);
  // Try each placement of a leading chunk; bounded by the number of its occurrences.
  for (let first = 0; first <= chunks.length - needed; first++) {
    const head = chunks[first] ?? '';
    for (let at = indexOfWords(hay, head); at >= 0; at = indexOfWords(hay, head, at + 1)) {
      let found = 1;
      let end = at + head.length;
      const limit = at + quote.length * 1.5 + 40;
      for (const chunk of chunks.slice(first + 1)) {
        const next = indexOfWords(hay, chunk, end);
        if (next >= 0 && next + chunk.length <= limit) {
          found++;
          end = next + chunk.length;
        }
      }
      if (found >= needed) return { start: at, end };
    }
  }
  return null;
}

/** Finds a quoted passage in normalised text (`norm` of a SearchText); null if absent. */
export function findNormRange(hay: string, quote: PreparedQuote, minWords = 5): NormRange | null {
  if (quote.words < minWords) return null;
  const at = indexOfWords(hay, quote.norm);
  if (at >= 0) return { start: at, end: at + quote.norm.length };
  return findSegments(hay, quote.segments) ?? findChunks(hay, quote.norm);
}

/** Same as findNormRange, mapped back to a UTF-16 range of the source text. */
export function findPassage(
  hay: SearchText,
  quote: PreparedQuote,
  minWords = 5,
): { start: number; end: number } | null {
  const range = findNormRange(hay.norm, quote, minWords);
  if (!range) return null;
  return { start: hay.starts[range.start] ?? 0, end: hay.ends[range.end - 1] ?? 0 };
}

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/** Edit distance divided by the longer length: 0 identical, 1 nothing in common. */
export function normalizedDistance(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 0 : editDistance(a, b) / longest;
}
