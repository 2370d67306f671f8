/**
 * Splits a block's text into runs for highlighting. Highlights are rendered by React as
 * <mark> elements (rather than by mutating the DOM after render) so React stays the only
 * owner of the article DOM; the selection code copes with the extra text-node splits.
 */
import { utf16IndexOf } from './codepoints.ts';

export interface HighlightSpan {
  id: string;
  /** Canonical code-point offsets. */
  start: number;
  end: number;
  /** How much discussion the span carries (its thread's comment count). */
  weight: number;
}

export interface Segment {
  text: string;
  start: number;
  end: number;
  /** Highlights covering this run, narrowest first (so the first is the most specific). */
  ids: string[];
  weight: number;
}

export function segmentBlock(text: string, blockStart: number, spans: readonly HighlightSpan[]): Segment[] {
  let blockLength = 0;
  for (const _ of text) blockLength++;
  const blockEnd = blockStart + blockLength;
  const relevant = spans
    .filter((s) => s.end > blockStart && s.start < blockEnd && s.end > s.start)
    .sort((a, b) => a.end - a.start - (b.end - b.start));

  const cuts = new Set<number>([blockStart, blockEnd]);
  for (const s of relevant) {
    cuts.add(Math.max(s.start, blockStart));
    cuts.add(Math.min(s.end, blockEnd));
  }
  const points = [...cuts].sort((a, b) => a - b);

  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = relevant.filter((s) => s.start <= start && s.end >= end);
    segments.push({
      text: text.slice(utf16IndexOf(text, start - blockStart), utf16IndexOf(text, end - blockStart)),
      start,
      end,
      ids: covering.map((s) => s.id),
      weight: covering.reduce((sum, s) => sum + s.weight, 0),
    });
  }
  return segments.length > 0 ? segments : [{ text, start: blockStart, end: blockEnd, ids: [], weight: 0 }];
}

/** Discrete highlight intensity (1–4) for a discussion weight, for styling. */
export function intensity(weight: number): 0 | 1 | 2 | 3 | 4 {
  if (weight <= 0) return 0;
  if (weight <= 1) return 1;
  if (weight <= 3) return 2;
  if (weight <= 7) return 3;
  return 4;
}
