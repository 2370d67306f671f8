import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { selectionToOffsets, type OffsetRange } from './selection.ts';

export interface TextSelection extends OffsetRange {
  /**
   * Where to show the Comment button, relative to the positioning container: the first line's
   * top and horizontal extent, and the last line's bottom. Null without layout information.
   */
  box: { top: number; bottom: number; left: number; right: number } | null;
}

/**
 * Tracks the reader's selection inside the article as canonical offsets. Updates are held
 * back while a pointer is down (so the Comment button does not chase a drag) and debounced
 * for keyboard selection (Shift+arrows in caret browsing fire many selectionchange events).
 */
export function useTextSelection(
  rootRef: RefObject<HTMLElement | null>,
  containerRef: RefObject<HTMLElement | null>,
): [TextSelection | null, () => void] {
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const dragging = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const read = useCallback(() => {
    const root = rootRef.current;
    const container = containerRef.current;
    const current = window.getSelection();
    const offsets = root ? selectionToOffsets(current, root) : null;
    if (!offsets || !current || !container) {
      setSelection(null);
      return;
    }
    const range = current.getRangeAt(0);
    let box: TextSelection['box'] = null;
    if (typeof range.getClientRects === 'function') {
      // Anchor the button to the first line of the selection (horizontally centred on it) and
      // remember the last line's bottom for placing it below instead.
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      const first = rects[0];
      const last = rects.at(-1);
      const c = container.getBoundingClientRect();
      if (first && last) {
        box = {
          top: first.top - c.top,
          bottom: last.bottom - c.top,
          left: first.left - c.left,
          right: first.right - c.left,
        };
      }
    }
    setSelection((prev) =>
      prev && prev.start === offsets.start && prev.end === offsets.end && sameBox(prev.box, box)
        ? prev
        : { ...offsets, box },
    );
  }, [rootRef, containerRef]);

  useEffect(() => {
    const schedule = (delay: number) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(read, delay);
    };
    const onSelectionChange = () => {
      if (!dragging.current) schedule(150);
    };
    const onPointerDown = (event: PointerEvent) => {
      // Clicking the Comment button itself must not hide it before the click lands.
      if ((event.target as Element | null)?.closest?.('[data-keep-selection]')) return;
      dragging.current = true;
    };
    const onPointerUp = () => {
      if (!dragging.current) return;
      dragging.current = false;
      schedule(10);
    };
    document.addEventListener('selectionchange', onSelectionChange);
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('pointerup', onPointerUp);
    return () => {
      clearTimeout(timer.current);
      document.removeEventListener('selectionchange', onSelectionChange);
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('pointerup', onPointerUp);
    };
  }, [read]);

  const clear = useCallback(() => {
    window.getSelection()?.removeAllRanges();
    setSelection(null);
  }, []);

  return [selection, clear];
}

function sameBox(a: TextSelection['box'], b: TextSelection['box']): boolean {
  if (!a || !b) return a === b;
  return a.top === b.top && a.left === b.left && a.right === b.right && a.bottom === b.bottom;
}
