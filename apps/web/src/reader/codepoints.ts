/**
 * Helpers for Unicode code-point arithmetic. The API measures every offset in code points,
 * while the DOM (Text.data, Range offsets) measures UTF-16 code units; these functions are
 * the only place the two meet.
 */

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Number of code points in `text`; a lone surrogate counts as one, like the server does. */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) i++;
    n++;
  }
  return n;
}

/** UTF-16 index of the `cp`-th code point of `text` (clamped to the string's length). */
export function utf16IndexOf(text: string, cp: number): number {
  let i = 0;
  let n = 0;
  while (n < cp && i < text.length) {
    if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) i += 2;
    else i += 1;
    n++;
  }
  return i;
}

/**
 * Moves a UTF-16 index that falls between the two halves of a surrogate pair to a pair
 * boundary: backwards for a range start, forwards for a range end, so a selection that
 * cuts an emoji in half still covers the whole emoji.
 */
export function snapToCodePoint(text: string, index: number, direction: 'backward' | 'forward'): number {
  if (index <= 0 || index >= text.length) return Math.max(0, Math.min(index, text.length));
  const splitsPair = isHighSurrogate(text.charCodeAt(index - 1)) && isLowSurrogate(text.charCodeAt(index));
  if (!splitsPair) return index;
  return direction === 'backward' ? index - 1 : index + 1;
}

/** Substring by code-point offsets [start, end). */
export function sliceCodePoints(text: string, start: number, end?: number): string {
  const from = utf16IndexOf(text, start);
  return end === undefined ? text.slice(from) : text.slice(from, utf16IndexOf(text, end));
}
