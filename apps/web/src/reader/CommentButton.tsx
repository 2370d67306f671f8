import type { TextSelection } from './useTextSelection.ts';

interface CommentButtonProps {
  selection: TextSelection;
  onComment(): void;
  /** Below the selection on touch screens, where the native selection menu sits above it. */
  placeBelow: boolean;
  /** Another action for the selection, e.g. "Attach here" while re-attaching a thread. */
  label?: string | undefined;
}

/**
 * The floating button offered for a text selection. It keeps the selection alive on
 * mousedown, is an ordinary focusable button, and advertises the `c` shortcut.
 */
export function CommentButton({ selection, onComment, placeBelow, label = 'Comment' }: CommentButtonProps) {
  const box = selection.box;
  const style = box
    ? { top: placeBelow ? box.bottom + 8 : Math.max(0, box.top - 44), left: Math.max(0, (box.left + box.right) / 2) }
    : undefined;
  return (
    <div className={`comment-button-wrap${box ? '' : ' is-static'}`} style={style} data-keep-selection>
      <button
        type="button"
        className="comment-button"
        aria-keyshortcuts="c"
        title={`${label} (C)`}
        onMouseDown={(e) => e.preventDefault()}
        onClick={onComment}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16">
          <path
            d="M3 4.5A1.5 1.5 0 0 1 4.5 3h11A1.5 1.5 0 0 1 17 4.5v8a1.5 1.5 0 0 1-1.5 1.5H8l-4 3v-3h.5A1.5 1.5 0 0 1 3 12.5z"
            fill="currentColor"
          />
        </svg>
        {label}
        <kbd aria-hidden="true">C</kbd>
      </button>
    </div>
  );
}
