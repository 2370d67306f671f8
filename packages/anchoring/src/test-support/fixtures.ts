/** Shared test text and helpers (excluded from the build). */
import { CodePointIndex } from '../codepoints.js';
import type { AnchorResult } from '../types.js';

export const PARAGRAPHS = [
  'Marginal notes are older than the printing press. Scribes copied the gloss of earlier readers into the margins, and later readers argued with both the text and the gloss.',
  'A good annotation system must remember exactly which words a reader pointed at, even after the author fixes a typo, re-wraps a paragraph, or moves a section elsewhere.',
  'The river rose three metres overnight 🌊 and the old bridge at Saint-Étienne closed at dawn. Residents 👩‍👩‍👧 gathered on the embankment to watch the water.',
  'Flags flew on every balcony 🇫🇷🇩🇪🇯🇵 during the festival, and the café served crème brûlée until midnight while a brass band played on the square.',
  'In the appendix, the author lists every source consulted. The appendix also lists the interviews, which were recorded between March and June of that year.',
  'Finally, the committee voted to publish the report in full, including the dissenting opinion, so that readers could judge the arguments for themselves.',
];

export const ARTICLE = PARAGRAPHS.join('\n\n');

/** Code point offsets of the first occurrence of `needle` (after `from`, in code points). */
export function cpRangeOf(text: string, needle: string, occurrence = 0): { start: number; end: number } {
  let u = -1;
  for (let k = 0; k <= occurrence; k++) {
    u = text.indexOf(needle, u + 1);
    if (u === -1) throw new Error(`fixture error: "${needle}" occurrence ${occurrence} not found`);
  }
  const index = new CodePointIndex(text);
  return { start: index.toCodePoint(u), end: index.toCodePoint(u + needle.length) };
}

/** Text of an anchoring result, by code points (throws if orphaned). */
export function textOf(text: string, result: AnchorResult): string {
  if (result.status === 'ORPHANED') throw new Error('expected an anchored result, got ORPHANED');
  return new CodePointIndex(text).slice(result.start, result.end);
}

/** Deterministic PRNG (mulberry32) so randomised tests are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
