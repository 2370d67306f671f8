import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
  type Ref,
} from 'react';
import { layoutThreads } from './layout.ts';

export interface MarginEntry {
  key: string;
  anchorTop: number;
  render(ref: (el: HTMLElement | null) => void, style: CSSProperties): ReactNode;
}

const GAP = 12;

/**
 * Absolutely positions cards beside their passages: measures each card, then lets
 * layoutThreads resolve collisions (pinning the active card to its passage).
 */
interface MarginColumnProps {
  entries: readonly MarginEntry[];
  activeKey: string | null;
  ref?: Ref<HTMLDivElement>;
}

export function MarginColumn({ entries, activeKey, ref }: MarginColumnProps) {
  const elements = useRef(new Map<string, HTMLElement>());
  const [heights, setHeights] = useState<Record<string, number>>({});

  const measure = useCallback(() => {
    setHeights((prev) => {
      const next: Record<string, number> = {};
      let changed = false;
      for (const [key, el] of elements.current) {
        next[key] = el.offsetHeight;
        if (prev[key] !== next[key]) changed = true;
      }
      if (Object.keys(prev).length !== Object.keys(next).length) changed = true;
      return changed ? next : prev;
    });
  }, []);

  // Measure after every render (cheap: a handful of offsetHeight reads) and whenever a
  // card changes size on its own, e.g. a reply box opening or an error appearing.
  useLayoutEffect(measure);
  useLayoutEffect(() => {
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(measure);
    for (const el of elements.current.values()) observer.observe(el);
    return () => observer.disconnect();
  }, [entries, measure]);

  const refs = useMemo(() => {
    const map = new Map<string, (el: HTMLElement | null) => void>();
    for (const entry of entries) {
      map.set(entry.key, (el) => {
        if (el) elements.current.set(entry.key, el);
        else elements.current.delete(entry.key);
      });
    }
    return map;
  }, [entries]);

  const activeIndex = entries.findIndex((e) => e.key === activeKey);
  const tops = layoutThreads(
    entries.map((e) => e.anchorTop),
    entries.map((e) => heights[e.key] ?? 0),
    GAP,
    activeIndex === -1 ? undefined : activeIndex,
  );
  const bottom = entries.reduce((max, e, i) => Math.max(max, tops[i]! + (heights[e.key] ?? 0)), 0);

  return (
    <div ref={ref} className="margin-column" style={{ minHeight: bottom }}>
      {entries.map((entry, i) =>
        entry.render(refs.get(entry.key)!, {
          position: 'absolute',
          top: tops[i],
          // Until measured, a card is transparent so it does not flash at the wrong place. Not
          // `visibility: hidden`, which would make a freshly mounted composer unfocusable.
          opacity: heights[entry.key] === undefined ? 0 : undefined,
        }),
      )}
    </div>
  );
}
