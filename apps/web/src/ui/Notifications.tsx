import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { subscribeLive } from '../api/live.ts';
import {
  MARK_READ_MUTATION,
  NOTIFICATION_ADDED_SUBSCRIPTION,
  NOTIFICATIONS_QUERY,
  type NotificationAddedResult,
  type Notification,
  type NotificationsResult,
} from '../api/queries.ts';
import { formatRelative } from './format.ts';

/** Where a notification leads: the comment's permalink, or the moderation queues. */
function linkOf(n: Notification): string | null {
  if (n.kind === 'QUEUE_SUMMARY') return '/moderate';
  if (!n.articleSlug) return null;
  return `/a/${encodeURIComponent(n.articleSlug)}${n.commentId ? `/c/${encodeURIComponent(n.commentId)}` : ''}`;
}

/** How many the menu lists (the query's page). */
const LISTED = 15;

/**
 * Replies to and mentions of the reader and moderation outcomes, with an unread count. New
 * ones arrive live over the notificationAdded subscription; the list is read again when the
 * socket comes back after a drop (events may have been missed) and when the menu opens.
 */
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
    return subscribeLive<NotificationAddedResult>(
      NOTIFICATION_ADDED_SUBSCRIPTION,
      {},
      {
        next: ({ notificationAdded: added }) =>
          setData((d) => {
            if (!d) return { unreadCount: 1, items: [added] };
            if (d.items.some((n) => n.id === added.id)) return d;
            return { unreadCount: d.unreadCount + 1, items: [added, ...d.items].slice(0, LISTED) };
          }),
        reconnected: load,
      },
    );
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
            <p className="notifications-empty">Replies, mentions of you and moderation decisions appear here.</p>
          ) : (
            <ul>
              {data.items.map((n) => {
                const to = linkOf(n);
                return (
                  <li key={n.id} className={n.read ? undefined : 'is-unread'}>
                    {to ? (
                      <Link to={to} onClick={() => setOpen(false)}>
                        {n.message}
                      </Link>
                    ) : (
                      <span>{n.message}</span>
                    )}
                    <time dateTime={n.createdAt}>{formatRelative(n.createdAt)}</time>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
