// Near-duplicate detection. Sørensen–Dice over character bigrams is linear in
// the text length (unlike edit distance, which is quadratic and too slow for
// 5000-character bodies compared against a dozen recent ones) and degrades
// gracefully with small edits: one changed word barely moves the score.

/** Code points above which none exist: a bigram is `first * CODE_POINTS + second`, exact in a double. */
const CODE_POINTS = 0x110000;

/**
 * A text's character bigrams as sorted numbers: made once for a comment, then compared with
 * each of its author's recent bodies by one merge, with no strings or maps per bigram.
 */
export function bigramProfile(text: string): Float64Array {
  const grams: number[] = [];
  let previous = -1;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (previous >= 0) grams.push(previous * CODE_POINTS + code);
    previous = code;
  }
  return Float64Array.from(grams).sort();
}

/** Dice similarity of two bigram profiles; a bigram is shared as often as both have it. */
export function profileSimilarity(left: Float64Array, right: Float64Array): number {
  if (left.length === 0 || right.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < left.length && j < right.length;) {
    if (left[i] === right[j]) {
      shared++;
      i++;
      j++;
    } else if (left[i]! < right[j]!) i++;
    else j++;
  }
  return (2 * shared) / (left.length + right.length);
}

/** Similarity of two already-normalized strings, from 0 (nothing shared) to 1 (identical). */
export function diceSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  return profileSimilarity(bigramProfile(a), bigramProfile(b));
}
