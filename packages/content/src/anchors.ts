import { describe } from '@marginalia/anchoring';
import type { CommentAnchor } from './types.js';

/**
 * The anchor of a code point range of the canonical text. Selectors come from
 * @marginalia/anchoring's `describe()` (32–64 code points of word-aligned context), so
 * imported anchors look exactly like the ones readers create and re-anchor the same way.
 */
export function describeAnchor(text: string, start: number, end: number): CommentAnchor {
  const range = describe(text, start, end);
  return { start: range.position.start, end: range.position.end, ...range.quote };
}
