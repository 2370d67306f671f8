import { useLayoutEffect, useState, type RefObject } from 'react';
import { createRangeMapper } from './selection.ts';

export interface MeasuredRange {
  key: string;
  start: number;
  end: number;
}

/**
 * Vertical position of each passage relative to `originRef` (the margin column), for
 * aligning margin cards with their passages. Re-measured when the ranges change, the body resizes (reflow, font loading) or the
 * window is resized. Ranges that cannot be measured are left out.
 */
export function useAnchorTops(
  bodyRef: RefObject<HTMLElement | null>,
  originRef: RefObject<HTMLElement | null>,
  ranges: readonly MeasuredRange[],
  enabled: boolean,
): Record<string, number> {
  const [tops, setTops] = useState<Record<string, number>>({});

  useLayoutEffect(() => {
    const body = bodyRef.current;
    const originEl = originRef.current;
    if (!enabled || !body || !originEl) return;
    const measure = () => {
      const origin = originEl.getBoundingClientRect().top;
      const next: Record<string, number> = {};
      const toRange = createRangeMapper(body);
      for (const { key, start, end } of ranges) {
        const range = toRange(start, end);
        if (!range || typeof range.getClientRects !== 'function') continue;
        const first = range.getClientRects()[0] ?? range.getBoundingClientRect();
        next[key] = Math.round(first.top - origin);
      }
      setTops((prev) => (shallowEqual(prev, next) ? prev : next));
    };
    measure();
    // A ResizeObserver reports once on observe(); that first report is the size just measured.
    let initial = true;
    const observer =
      typeof ResizeObserver === 'function'
        ? new ResizeObserver(() => {
            if (initial) initial = false;
            else measure();
          })
        : null;
    observer?.observe(body);
    window.addEventListener('resize', measure);
    // Web fonts change line breaks; re-measure once they arrive (not when they already have).
    if (document.fonts?.status === 'loading') void document.fonts.ready.then(measure);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [bodyRef, originRef, ranges, enabled]);

  return tops;
}

function shallowEqual(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
