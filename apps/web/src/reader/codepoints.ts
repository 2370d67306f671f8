/**
 * The API measures every offset in code points, while the DOM (Text.data, Range offsets)
 * measures UTF-16 code units; the conversions come from @marginalia/anchoring, and these
 * wrappers add what a live selection needs: clamping, and snapping out of a surrogate pair.
 */
import { CodePointIndex, codePointLength, isInsideSurrogatePair } from '@marginalia/anchoring/codepoints';

export { codePointLength };

/** UTF-16 index of the `cp`-th code point of `text` (clamped to the string's length). */
export function utf16IndexOf(text: string, cp: number): number {
  const index = new CodePointIndex(text);
  return index.toUtf16(Math.max(0, Math.min(cp, index.length)));
}

/**
 * Moves a UTF-16 index that falls between the two halves of a surrogate pair to a pair
 * boundary: backwards for a range start, forwards for a range end, so a selection that
 * cuts an emoji in half still covers the whole emoji.
 */
export function snapToCodePoint(text: string, index: number, direction: 'backward' | 'forward'): number {
  const clamped = Math.max(0, Math.min(index, text.length));
  if (!isInsideSurrogatePair(text, clamped)) return clamped;
  return direction === 'backward' ? clamped - 1 : clamped + 1;
}

/** Substring by code-point offsets [start, end), clamped to the text. */
export function sliceCodePoints(text: string, start: number, end?: number): string {
  const from = utf16IndexOf(text, start);
  return end === undefined ? text.slice(from) : text.slice(from, utf16IndexOf(text, end));
}
