import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
  type Ref,
  type RefObject,
} from 'react';
import { layoutThreads } from './layout.ts';

export interface MarginEntry {
  key: string;
  anchorTop: number;
  render(ref: (el: HTMLElement | null) => void, style: CSSProperties): ReactNode;
}

const GAP = 12;
/** Up to this many cards are all rendered; beyond it only those near the viewport are. */
export const VIRTUALIZE_FROM = 120;
/** Height assumed for a card not measured yet (a collapsed preview). */
const ESTIMATED_HEIGHT = 112;

interface MarginColumnProps {
  entries: readonly MarginEntry[];
  activeKey: string | null;
  ref?: Ref<HTMLDivElement>;
}

/** The part of the column (in its own coordinates) worth rendering: the viewport ± one screen. */
function useVisibleBand(column: RefObject<HTMLDivElement | null>, enabled: boolean) {
  const [band, setBand] = useState<{ top: number; bottom: number } | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const el = column.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top;
      const screen = window.innerHeight;
      // Quantised, so scrolling re-renders every half screen rather than every pixel.
      const step = Math.max(200, Math.round(screen / 2));
      const from = Math.floor((-top - screen) / step) * step;
      const to = Math.ceil((-top + 2 * screen) / step) * step;
      setBand((prev) => (prev && prev.top === from && prev.bottom === to ? prev : { top: from, bottom: to }));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, [column, enabled]);
  return band;
}

/**
 * Absolutely positions cards beside their passages: measures each card, then lets
 * layoutThreads resolve collisions (pinning the active card to its passage). Long
 * discussions are windowed: every card is laid out (unmeasured ones at an estimated
 * height) but only those near the viewport, and the active one, are in the DOM; the heatmap
 * and highlights keep every thread reachable.
 */
export function MarginColumn({ entries, activeKey, ref }: MarginColumnProps) {
  const elements = useRef(new Map<string, HTMLElement>());
  const own = useRef<HTMLDivElement | null>(null);
  const [heights, setHeights] = useState<Record<string, number>>({});
  const virtual = entries.length > VIRTUALIZE_FROM;
  const band = useVisibleBand(own, virtual);

  const setColumn = useCallback(
    (el: HTMLDivElement | null) => {
      own.current = el;
      if (typeof ref === 'function') ref(el);
      else if (ref) ref.current = el;
    },
    [ref],
  );

  const measure = useCallback(() => {
    setHeights((prev) => {
      let next: Record<string, number> | null = null;
      for (const [key, el] of elements.current) {
        const height = el.offsetHeight;
        if (prev[key] !== height) {
          next ??= { ...prev };
          next[key] = height;
        }
      }
      return next ?? prev;
    });
  }, []);

  // Measure after every render (a read per mounted card) and whenever a card changes size
  // on its own, e.g. a reply box opening or an error appearing.
  useLayoutEffect(measure);
  const mountedKeys = [...elements.current.keys()].join(' ');
  useLayoutEffect(() => {
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(measure);
    for (const el of elements.current.values()) observer.observe(el);
    return () => observer.disconnect();
  }, [mountedKeys, measure]);

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
  const heightOf = (key: string): number => heights[key] ?? (virtual ? ESTIMATED_HEIGHT : 0);
  const tops = layoutThreads(
    entries.map((e) => e.anchorTop),
    entries.map((e) => heightOf(e.key)),
    GAP,
    activeIndex === -1 ? undefined : activeIndex,
  );
  const bottom = entries.reduce((max, e, i) => Math.max(max, tops[i]! + heightOf(e.key)), 0);

  return (
    <div ref={setColumn} className="margin-column" style={{ minHeight: bottom }}>
      {entries.map((entry, i) => {
        const top = tops[i]!;
        if (virtual && entry.key !== activeKey) {
          if (!band || top + heightOf(entry.key) < band.top || top > band.bottom) return null;
        }
        return entry.render(refs.get(entry.key)!, {
          position: 'absolute',
          top,
          // Until measured, a card is transparent so it does not flash at the wrong place. Not
          // `visibility: hidden`, which would make a freshly mounted composer unfocusable.
          opacity: heights[entry.key] === undefined ? 0 : undefined,
        });
      })}
    </div>
  );
}
