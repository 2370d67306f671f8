import { useEffect, type RefObject } from 'react';
import { wantedSpan, type Span } from './discussionWindow.ts';

/** Blocks either side of the visible ones worth loading ahead: about a screen. */
const SLACK_BLOCKS = 3;

/**
 * Watches which blocks of the text are in (or near) the viewport and hands the stretch they
 * span, with some slack, to `onStretch` as the reader scrolls. Off when `onStretch` is null.
 */
export function useVisibleStretch(
  bodyRef: RefObject<HTMLElement | null>,
  blocks: readonly { start: number; end: number }[],
  onStretch: ((span: Span) => unknown) | null,
): void {
  useEffect(() => {
    const body = bodyRef.current;
    if (!body || !onStretch || typeof IntersectionObserver !== 'function') return;
    const indexByStart = new Map(blocks.map((b, i) => [b.start, i]));
    const visible = new Set<number>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const index = indexByStart.get(Number((entry.target as HTMLElement).dataset.start));
          if (index === undefined) continue;
          if (entry.isIntersecting) visible.add(index);
          else visible.delete(index);
        }
        clearTimeout(timer);
        // Fast scrolling passes many blocks; ask once it settles.
        timer = setTimeout(() => {
          const span = wantedSpan(blocks, visible, SLACK_BLOCKS);
          if (span) onStretch(span);
        }, 80);
      },
      { rootMargin: '50% 0px' },
    );
    for (const el of body.querySelectorAll<HTMLElement>('[data-start]')) observer.observe(el);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [bodyRef, blocks, onStretch]);
}
