import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { MARK_READ_MUTATION, NOTIFICATIONS_QUERY, type NotificationsResult } from '../api/queries.ts';
import { formatRelative } from './format.ts';

const POLL_MS = 60_000;

/** Replies to the reader's comments and moderation outcomes, with an unread count. */
export function Notifications() {
  const [data, setData] = useState<NotificationsResult['notifications'] | null>(null);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);

  const load = useCallback(() => {
    api.request<NotificationsResult>(NOTIFICATIONS_QUERY).then(
      (result) => setData(result.notifications),
      () => undefined, // the bell simply stays as it was
    );
  }, []);

  useEffect(() => {
    load();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') load();
    }, POLL_MS);
    window.addEventListener('focus', load);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', load);
    };
  }, [load]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const unread = data?.unreadCount ?? 0;
  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next) {
      load();
      if (unread > 0) {
        void api.request(MARK_READ_MUTATION).then(
          () => setData((d) => (d ? { unreadCount: 0, items: d.items.map((n) => ({ ...n, read: true })) } : d)),
          () => undefined,
        );
      }
    }
  };

  return (
    <div className="notifications" ref={rootRef}>
      <button
        type="button"
        className="notifications-button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={toggle}
      >
        <svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true" focusable="false">
          <path
            d="M8 1.5a4 4 0 0 0-4 4v2.8L2.5 11h11L12 8.3V5.5a4 4 0 0 0-4-4M6.5 13a1.5 1.5 0 0 0 3 0"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.4"
            strokeLinejoin="round"
          />
        </svg>
        <span className="visually-hidden">Notifications{unread > 0 ? `, ${unread} unread` : ''}</span>
        {unread > 0 && (
          <span className="notifications-badge" aria-hidden="true">
            {unread > 9 ? '9+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div id={panelId} className="notifications-panel">
          <h2 className="notifications-title">Notifications</h2>
          {!data || data.items.length === 0 ? (
            <p className="notifications-empty">Replies to your comments and moderation decisions appear here.</p>
          ) : (
            <ul>
              {data.items.map((n) => (
                <li key={n.id} className={n.read ? undefined : 'is-unread'}>
                  {n.articleSlug ? (
                    <Link
                      to={`/a/${encodeURIComponent(n.articleSlug)}${n.commentId ? `/c/${encodeURIComponent(n.commentId)}` : ''}`}
                      onClick={() => setOpen(false)}
                    >
                      {n.message}
                    </Link>
                  ) : (
                    <span>{n.message}</span>
                  )}
                  <time dateTime={n.createdAt}>{formatRelative(n.createdAt)}</time>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
