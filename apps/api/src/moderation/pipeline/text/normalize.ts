// Text normalization shared by the word matchers and the repeat detector.

/**
 * Folds text to a canonical form before matching: compatibility decomposition
 * turns fullwidth/stylised letters into ASCII ("ｂａｄ" → "bad"), then combining
 * marks (accents used to dodge filters: "bádword") and invisible format
 * characters (zero-width spaces: "bad\u200Bword") are dropped.
 */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/[\p{M}\p{Cf}]/gu, '');
}

/** Removes invisible format characters, which must not count towards a body's length. */
export function stripInvisible(text: string): string {
  return text.replace(/\p{Cf}/gu, '');
}

/**
 * Canonical form for near-duplicate comparison: case, accents, punctuation and
 * whitespace differences are ignored ("Great  post!" ≈ "great post").
 */
export function normalizeForComparison(text: string): string {
  return foldText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Length in code points, so an emoji counts as one character like in the editor. */
export { codePointLength } from '@marginalia/anchoring/codepoints';
