/**
 * Windowed reading of a large discussion (pure; the hooks hold the state). The reader first
 * gets the highlight map of the whole text and summaries of the threads near the viewport;
 * as the viewport moves, the stretches of text not loaded yet are asked for, and live
 * changes adjust the map's counts and any summary already loaded.
 */

/** A stretch of the text, in code points: [from, to). */
export interface Span {
  from: number;
  to: number;
}

/** Merged passages with their counts, as `highlightMap` returns them. */
export interface HighlightRange {
  start: number;
  end: number;
  threadCount: number;
  commentCount: number;
}

/** Spans sorted and merged where they overlap or touch. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.to > s.from).sort((a, b) => a.from - b.from || a.to - b.to);
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged.at(-1);
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else merged.push({ ...s });
  }
  return merged;
}

/** The parts of `wanted` that `loaded` (merged) does not cover, in order. */
export function missingSpans(loaded: readonly Span[], wanted: Span): Span[] {
  const missing: Span[] = [];
  let at = wanted.from;
  for (const s of loaded) {
    if (s.to <= at) continue;
    if (s.from >= wanted.to) break;
    if (s.from > at) missing.push({ from: at, to: s.from });
    at = Math.max(at, s.to);
    if (at >= wanted.to) break;
  }
  if (at < wanted.to) missing.push({ from: at, to: wanted.to });
  return missing;
}

/**
 * The stretch of text worth loading summaries for: the visible blocks and `slack` blocks
 * either side (about a screen), clipped to the text. `visible` holds block indexes.
 */
export function wantedSpan(
  blocks: readonly { start: number; end: number }[],
  visible: ReadonlySet<number>,
  slack: number,
): Span | null {
  if (blocks.length === 0 || visible.size === 0) return null;
  const first = Math.max(0, Math.min(...visible) - slack);
  const last = Math.min(blocks.length - 1, Math.max(...visible) + slack);
  return { from: blocks[first]!.start, to: Math.max(blocks[last]!.end, blocks[first]!.start + 1) };
}

/** Whether [start, end) meets the span. */
export const meets = (start: number, end: number, span: Span): boolean => start < span.to && end > span.from;

/**
 * The map after a live change on the passage [start, end): a new thread adds one thread and
 * its comments, a new comment in an existing thread adds one comment (`threads` 0), a removal
 * subtracts. A passage outside every range becomes a range of its own, and one that bridges
 * ranges merges them, as the server would.
 */
export function adjustMap(
  map: readonly HighlightRange[],
  passage: { start: number; end: number },
  delta: { threads: number; comments: number },
): HighlightRange[] {
  const touching = map.filter((r) => passage.start < r.end && passage.end > r.start);
  const others = map.filter((r) => !touching.includes(r));
  const merged: HighlightRange = touching.reduce(
    (acc, r) => ({
      start: Math.min(acc.start, r.start),
      end: Math.max(acc.end, r.end),
      threadCount: acc.threadCount + r.threadCount,
      commentCount: acc.commentCount + r.commentCount,
    }),
    { start: passage.start, end: passage.end, threadCount: delta.threads, commentCount: delta.comments },
  );
  const result = [...others];
  if (merged.threadCount > 0) {
    // A passage thread that is the range's only one: its bounds were the range's bounds.
    result.push({ ...merged, commentCount: Math.max(0, merged.commentCount) });
  }
  return result.sort((a, b) => a.start - b.start);
}

/** Total threads and comments the map shows (for counters). */
export function mapTotals(map: readonly HighlightRange[]): { threads: number; comments: number } {
  return map.reduce((acc, r) => ({ threads: acc.threads + r.threadCount, comments: acc.comments + r.commentCount }), {
    threads: 0,
    comments: 0,
  });
}
