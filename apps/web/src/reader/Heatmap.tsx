import { memo, useMemo } from 'react';
import { plural, truncate } from '../ui/format.ts';
import type { PlacedThread } from './threads.ts';

const BUCKETS = 60;

/** Discussion weight per slice of the text, normalised to 0–1 (pure; exported for tests). */
export function heatBuckets(threads: readonly PlacedThread[], textLength: number, buckets = BUCKETS): number[] {
  const weights = new Array<number>(buckets).fill(0);
  if (textLength <= 0) return weights;
  for (const t of threads) {
    const from = Math.min(buckets - 1, Math.floor((t.anchor.start / textLength) * buckets));
    const to = Math.min(buckets - 1, Math.floor((Math.max(t.anchor.start, t.anchor.end - 1) / textLength) * buckets));
    for (let b = from; b <= to; b++) weights[b]! += Math.max(1, t.commentCount);
  }
  const max = Math.max(...weights);
  return max > 0 ? weights.map((w) => w / max) : weights;
}

interface HeatmapProps {
  threads: readonly PlacedThread[];
  textLength: number;
  activeId: string | null;
  onSelect(threadId: string): void;
}

/**
 * A slim map of the whole article: shading shows where discussion concentrates (positions
 * proportional to text offsets) and each thread is a marker that jumps to its passage.
 */
export const Heatmap = memo(function Heatmap({ threads, textLength, activeId, onSelect }: HeatmapProps) {
  const buckets = useMemo(() => heatBuckets(threads, textLength), [threads, textLength]);
  if (threads.length === 0 || textLength <= 0) return null;
  return (
    <nav className="heatmap" aria-label="Discussion map">
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
        {threads.map((t) => (
          <li key={t.id} style={{ top: `${(t.anchor.start / textLength) * 100}%` }}>
            <button
              type="button"
              className={`heatmap-marker${t.id === activeId ? ' is-active' : ''}`}
              onClick={() => onSelect(t.id)}
              aria-label={`“${truncate(t.anchor.exact, 50)}”, ${plural(t.commentCount, 'comment')}`}
              title={truncate(t.anchor.exact, 80)}
            />
          </li>
        ))}
      </ul>
    </nav>
  );
});
