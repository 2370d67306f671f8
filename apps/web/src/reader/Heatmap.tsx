import { memo, useMemo } from 'react';
import { plural, truncate } from '../ui/format.ts';
import type { PlacedThread } from './threads.ts';

const BUCKETS = 60;

const byComments = (t: PlacedThread): number => Math.max(1, t.commentCount);

/**
 * Weight per slice of the text, normalised to 0–1 (pure; exported for tests): discussion by
 * default (a thread weighs its comments), or whatever `weightOf` says (moderation heat).
 */
export function heatBuckets(
  threads: readonly PlacedThread[],
  textLength: number,
  buckets = BUCKETS,
  weightOf: (t: PlacedThread) => number = byComments,
): number[] {
  const weights = new Array<number>(buckets).fill(0);
  if (textLength <= 0) return weights;
  for (const t of threads) {
    const from = Math.min(buckets - 1, Math.floor((t.anchor.start / textLength) * buckets));
    const to = Math.min(buckets - 1, Math.floor((Math.max(t.anchor.start, t.anchor.end - 1) / textLength) * buckets));
    const weight = weightOf(t);
    for (let b = from; b <= to; b++) weights[b]! += weight;
  }
  const max = Math.max(...weights);
  return max > 0 ? weights.map((w) => w / max) : weights;
}

/** Up to this many threads get a marker each; more are grouped, one marker per slice. */
export const MAX_MARKERS = 80;

export interface HeatMarker {
  first: PlacedThread;
  threads: PlacedThread[];
}

/**
 * One marker per thread, or for a long discussion one per slice of the text (a thousand
 * tab stops would help nobody); a slice's marker jumps to its first thread.
 */
export function heatMarkers(threads: readonly PlacedThread[], textLength: number, buckets = BUCKETS): HeatMarker[] {
  if (threads.length <= MAX_MARKERS || textLength <= 0) return threads.map((t) => ({ first: t, threads: [t] }));
  const groups = new Map<number, PlacedThread[]>();
  for (const t of threads) {
    const b = Math.min(buckets - 1, Math.floor((t.anchor.start / textLength) * buckets));
    const list = groups.get(b);
    if (list) list.push(t);
    else groups.set(b, [t]);
  }
  return [...groups.keys()]
    .sort((a, b) => a - b)
    .map((b) => {
      const list = groups.get(b)!;
      return { first: list[0]!, threads: list };
    });
}

interface HeatmapProps {
  threads: readonly PlacedThread[];
  textLength: number;
  activeId: string | null;
  onSelect(threadId: string): void;
  /** What a thread weighs in the shading (default: its comments). */
  weightOf?: (t: PlacedThread) => number;
  label?: string;
}

/**
 * A slim map of the whole article: shading shows where discussion concentrates (positions
 * proportional to text offsets) and each thread is a marker that jumps to its passage.
 */
export const Heatmap = memo(function Heatmap({
  threads,
  textLength,
  activeId,
  onSelect,
  weightOf = byComments,
  label = 'Discussion map',
}: HeatmapProps) {
  const buckets = useMemo(() => heatBuckets(threads, textLength, BUCKETS, weightOf), [threads, textLength, weightOf]);
  const markers = useMemo(() => heatMarkers(threads, textLength), [threads, textLength]);
  if (threads.length === 0 || textLength <= 0) return null;
  return (
    <nav className="heatmap" aria-label={label}>
      <div className="heatmap-track" aria-hidden="true">
        {buckets.map((w, i) =>
          w > 0 ? (
            <span
              key={i}
              className="heatmap-cell"
              style={{ top: `${(i / BUCKETS) * 100}%`, height: `${100 / BUCKETS}%`, opacity: 0.15 + w * 0.85 }}
            />
          ) : null,
        )}
      </div>
      <ul className="heatmap-markers">
        {markers.map((m) => (
          <li key={m.first.id} style={{ top: `${(m.first.anchor.start / textLength) * 100}%` }}>
            <button
              type="button"
              className={`heatmap-marker${m.threads.some((t) => t.id === activeId) ? ' is-active' : ''}`}
              onClick={() => onSelect(m.first.id)}
              aria-label={
                m.threads.length === 1
                  ? `“${truncate(m.first.anchor.exact, 50)}”, ${plural(m.first.commentCount, 'comment')}`
                  : `${plural(m.threads.length, 'thread')} from “${truncate(m.first.anchor.exact, 40)}”`
              }
              title={truncate(m.first.anchor.exact, 80)}
            />
          </li>
        ))}
      </ul>
    </nav>
  );
});
