import { memo, useCallback, useEffect, useMemo, useRef, type CSSProperties, type Ref } from 'react';
import type { Thread } from '../api/types.ts';
import { plural, truncate } from '../ui/format.ts';
import { CommentList, StatusBadge, type CommentActions } from './CommentItem.tsx';
import { commentText } from './sanitize.ts';
import { buildCommentTree, threadQuote } from './threads.ts';

interface ThreadCardProps {
  thread: Thread;
  expanded: boolean;
  onToggle(threadId: string, expanded: boolean): void;
  actions: CommentActions;
  /** Show the passage quote (orphaned tab, drawer list) or rely on the highlight (margin). */
  showQuote: boolean;
  orphaned?: boolean;
  /** Move focus here once mounted, e.g. to a thread the reader has just posted. */
  autoFocus?: boolean;
  ref?: Ref<HTMLElement>;
  style?: CSSProperties;
}

/**
 * One thread in the margin, drawer or orphaned tab. Collapsed it previews the first comment;
 * expanded it shows the whole conversation with reply boxes.
 */
export const ThreadCard = memo(function ThreadCard({
  thread,
  expanded,
  onToggle,
  actions,
  showQuote,
  orphaned = false,
  autoFocus = false,
  ref,
  style,
}: ThreadCardProps) {
  const own = useRef<HTMLElement | null>(null);
  // Keep a handle on the element while still passing it to the caller's ref (the margin
  // layout measures cards through it).
  const setRef = useCallback(
    (el: HTMLElement | null) => {
      own.current = el;
      if (typeof ref === 'function') ref(el);
      else if (ref) ref.current = el;
    },
    [ref],
  );
  useEffect(() => {
    if (autoFocus) own.current?.focus({ preventScroll: true });
  }, [autoFocus]);

  const quote = threadQuote(thread);
  const first = thread.comments[0];
  const tree = useMemo(() => buildCommentTree(thread.comments), [thread.comments]);
  const preview = useMemo(() => (first ? truncate(commentText(first.bodyHtml), 140) : ''), [first]);
  const label = quote ? `Thread on “${truncate(quote, 60)}”` : 'Thread';
  const fuzzy = (thread.anchorStatus ?? thread.anchor?.status) === 'FUZZY';

  return (
    <article
      ref={setRef}
      style={style}
      className={`thread-card${expanded ? ' is-expanded' : ''}${orphaned ? ' is-orphaned' : ''}`}
      aria-label={label}
      data-thread-id={thread.id}
      tabIndex={-1}
    >
      {(showQuote || orphaned) && quote && (
        <blockquote className="thread-quote">
          {orphaned && <span className="thread-quote-label">Originally on:</span>}
          <span className="thread-quote-text">{expanded ? quote : truncate(quote, 160)}</span>
        </blockquote>
      )}
      {orphaned && <p className="thread-note">This passage was changed or removed in a later revision.</p>}
      {orphaned && actions.reattach && (
        <button type="button" className="link-button" onClick={() => actions.reattach?.(thread.id)}>
          Re-attach to a passage…
        </button>
      )}
      {!orphaned && fuzzy && expanded && (
        <p className="thread-note">
          The passage has been edited since this thread began; the highlight is approximate.
        </p>
      )}
      {expanded ? (
        <>
          <div className="thread-toolbar">
            <span className="thread-count">{plural(thread.commentCount, 'comment')}</span>
            <button
              type="button"
              className="link-button"
              aria-expanded="true"
              onClick={() => onToggle(thread.id, false)}
            >
              Collapse<span className="visually-hidden"> thread</span>
            </button>
          </div>
          <CommentList nodes={tree} actions={actions} />
        </>
      ) : (
        <button
          type="button"
          className="thread-preview"
          aria-expanded="false"
          onClick={() => onToggle(thread.id, true)}
        >
          {first ? (
            <>
              <span className="thread-preview-author">
                {first.author?.displayName ?? first.authorName}
                <StatusBadge comment={first} />
              </span>
              <span className="thread-preview-text">{preview || 'This comment was deleted.'}</span>
            </>
          ) : (
            <span className="thread-preview-text">No visible comments yet.</span>
          )}
          <span className="thread-preview-count">
            {plural(thread.commentCount, 'comment')}
            <span className="visually-hidden">, open thread</span>
          </span>
        </button>
      )}
    </article>
  );
});
