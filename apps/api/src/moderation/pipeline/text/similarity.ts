// Near-duplicate detection. Sørensen–Dice over character bigrams is linear in
// the text length (unlike edit distance, which is quadratic and too slow for
// 5000-character bodies compared against a dozen recent ones) and degrades
// gracefully with small edits: one changed word barely moves the score.

/** Similarity of two already-normalized strings, from 0 (nothing shared) to 1 (identical). */
export function diceSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const left = bigrams(a);
  const right = bigrams(b);
  if (left.length === 0 || right.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const gram of left) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  let shared = 0;
  for (const gram of right) {
    const count = counts.get(gram) ?? 0;
    if (count > 0) {
      counts.set(gram, count - 1);
      shared++;
    }
  }
  return (2 * shared) / (left.length + right.length);
}

function bigrams(text: string): string[] {
  const grams: string[] = [];
  let previous: string | undefined;
  for (const char of text) {
    if (previous !== undefined) grams.push(previous + char);
    previous = char;
  }
  return grams;
}
