import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/errors.ts';
import { ARTICLES_QUERY, type ArticlesResult } from '../api/queries.ts';
import { plural } from '../ui/format.ts';
import { ErrorState, Loading } from '../ui/StateViews.tsx';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import { useQuery } from '../ui/useQuery.ts';
import { BanDialog, RejectDialog, ShortcutsDialog } from './Dialogs.tsx';
import { commandForKey, consoleReducer, initialConsoleState, type Command } from './keyboard.ts';
import {
  MODERATE_MANY_MUTATION,
  MODERATE_MUTATION,
  QUEUES,
  SET_USER_STATUS_MUTATION,
  type ModerateInput,
  type ModerateManyResult,
  type ModerateResult,
} from './queries.ts';
import { QueueCard, type QueueCardActions } from './QueueCard.tsx';
import type { FlagReason, ModerationActionKind, ModerationItem, ModerationQueue } from './types.ts';
import { useModerationQueue } from './useModerationQueue.ts';

const PAST: Record<ModerationActionKind, string> = { APPROVE: 'Approved', REJECT: 'Rejected', HOLD: 'Held' };

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

/** The moderation console: queue tabs with live counts, cards, keyboard-first decisions. */
export default function ModerationPage() {
  useDocumentTitle('Moderation');
  const [params, setParams] = useSearchParams();
  const queue: ModerationQueue = QUEUES.find((q) => q.id === params.get('queue')?.toUpperCase())?.id ?? 'PENDING';
  const articleId = params.get('article') || null;
  const data = useModerationQueue(queue, articleId);
  const { applyDecision, reload: reloadQueue } = data;
  const [state, dispatch] = useReducer(consoleReducer, initialConsoleState);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const cards = useRef(new Map<string, HTMLElement>());
  const keyboardMoved = useRef(false);

  const articles = useQuery('mod-articles', (signal) => api.request<ArticlesResult>(ARTICLES_QUERY, {}, { signal }));

  const ids = useMemo(() => data.items.map((i) => i.id), [data.items]);
  useEffect(() => dispatch({ type: 'items', ids }), [ids]);
  const current = data.items[state.cursor] ?? null;

  // Keyboard moves focus with the cursor, so screen readers follow it.
  useEffect(() => {
    if (!keyboardMoved.current || !current) return;
    keyboardMoved.current = false;
    const el = cards.current.get(current.id);
    el?.focus({ preventScroll: true });
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);

  const setQuery = (next: { queue?: ModerationQueue; article?: string | null }) =>
    setParams((p) => {
      const out = new URLSearchParams(p);
      if (next.queue) out.set('queue', next.queue.toLowerCase());
      if (next.article !== undefined) {
        if (next.article) out.set('article', next.article);
        else out.delete('article');
      }
      return out;
    });

  const markBusy = (list: readonly string[], on: boolean) =>
    setBusy((prev) => {
      const next = new Set(prev);
      for (const id of list) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const decide = useCallback(
    async (item: ModerationItem, action: ModerationActionKind, extra: Partial<ModerateInput> = {}) => {
      markBusy([item.id], true);
      try {
        const input: ModerateInput = { commentId: item.id, action, ...extra };
        const { moderateComment } = await api.request<ModerateResult>(MODERATE_MUTATION, { input });
        applyDecision(moderateComment);
        setAnnouncement(`${PAST[action]} the comment by ${item.author?.displayName ?? item.authorName}.`);
      } catch (error) {
        setAnnouncement(`Could not ${action.toLowerCase()}: ${errorMessage(error)}`);
      } finally {
        markBusy([item.id], false);
      }
    },
    [applyDecision],
  );

  const decideMany = useCallback(
    async (commentIds: string[], action: ModerationActionKind, category?: FlagReason, reason?: string) => {
      if (commentIds.length === 0) return;
      markBusy(commentIds, true);
      try {
        const input = { commentIds, action, ...(category ? { category } : {}), ...(reason ? { reason } : {}) };
        const { moderateComments } = await api.request<ModerateManyResult>(MODERATE_MANY_MUTATION, { input });
        const done = moderateComments.filter((r) => r.ok).map((r) => r.commentId);
        const failed = moderateComments.length - done.length;
        dispatch({ type: 'clearSelection' });
        reloadQueue();
        setAnnouncement(
          `${PAST[action]} ${plural(done.length, 'comment')}.${failed > 0 ? ` ${failed} could not be changed.` : ''}`,
        );
      } catch (error) {
        setAnnouncement(`Could not ${action.toLowerCase()} the selection: ${errorMessage(error)}`);
      } finally {
        markBusy(commentIds, false);
      }
    },
    [reloadQueue],
  );

  const ban = useCallback(
    async (userId: string, name: string, reason: string, rejectComments: boolean) => {
      try {
        await api.request(SET_USER_STATUS_MUTATION, { input: { userId, status: 'BANNED', reason, rejectComments } });
        setAnnouncement(`Banned ${name}.`);
        reloadQueue();
      } catch (error) {
        setAnnouncement(`Could not ban ${name}: ${errorMessage(error)}`);
      }
    },
    [reloadQueue],
  );

  const openReject = useCallback((commentIds: string[]) => {
    if (commentIds.length > 0) dispatch({ type: 'open', dialog: { kind: 'reject', commentIds } });
  }, []);
  const openBan = useCallback((item: ModerationItem) => {
    if (item.author && item.author.status !== 'BANNED') {
      dispatch({ type: 'open', dialog: { kind: 'ban', userId: item.author.id, name: item.author.displayName } });
    }
  }, []);

  const cardActions = useMemo<QueueCardActions>(
    () => ({
      approve: (item) => void decide(item, 'APPROVE'),
      reject: (item) => openReject([item.id]),
      hold: (item) => void decide(item, 'HOLD'),
      ban: openBan,
      toggle: (id) => dispatch({ type: 'toggle', id }),
      focus: (id) => dispatch({ type: 'focus', id }),
    }),
    [decide, openReject, openBan],
  );

  const run = useCallback(
    (command: Command) => {
      const selected = [...state.selected];
      switch (command) {
        case 'next':
        case 'prev':
          keyboardMoved.current = true;
          dispatch({ type: 'move', delta: command === 'next' ? 1 : -1 });
          return;
        case 'approve':
          if (current) void decide(current, 'APPROVE');
          return;
        case 'hold':
          if (current) void decide(current, 'HOLD');
          return;
        case 'reject':
          if (current) openReject([current.id]);
          return;
        case 'ban':
          if (current) openBan(current);
          return;
        case 'toggleSelect':
          dispatch({ type: 'toggle' });
          return;
        case 'approveSelected':
          void decideMany(selected, 'APPROVE');
          return;
        case 'rejectSelected':
          openReject(selected);
          return;
        case 'help':
          dispatch({ type: 'open', dialog: { kind: 'help' } });
          return;
        case 'escape':
          if (state.dialog) dispatch({ type: 'close' });
          else dispatch({ type: 'clearSelection' });
          return;
      }
    },
    [state.selected, state.dialog, current, decide, decideMany, openReject, openBan],
  );

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (state.dialog) return; // the dialog handles its own keys (Escape closes it)
      const command = commandForKey({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        inField: isTextField(event.target),
      });
      if (!command) return;
      event.preventDefault();
      run(command);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [run, state.dialog]);

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const index = QUEUES.findIndex((q) => q.id === queue);
    const next = QUEUES[(index + (event.key === 'ArrowRight' ? 1 : -1) + QUEUES.length) % QUEUES.length]!;
    setQuery({ queue: next.id });
    document.getElementById(`queue-tab-${next.id}`)?.focus();
  };

  const dialog = state.dialog;
  const rejectDefault: FlagReason =
    (dialog?.kind === 'reject' && data.items.find((i) => i.id === dialog.commentIds[0])?.flags[0]?.reason) || 'OTHER';

  return (
    <div className="mod-console">
      <header className="mod-header">
        <h1>Moderation</h1>
        <div className="mod-tools">
          <div className="field mod-filter">
            <label htmlFor="mod-article">Article</label>
            <select id="mod-article" value={articleId ?? ''} onChange={(e) => setQuery({ article: e.target.value })}>
              <option value="">All articles</option>
              {articles.data?.articles.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button button-ghost"
            aria-keyshortcuts="?"
            onClick={() => dispatch({ type: 'open', dialog: { kind: 'help' } })}
          >
            Shortcuts <kbd aria-hidden="true">?</kbd>
          </button>
        </div>
      </header>

      <div className="mod-tabs" role="tablist" aria-label="Queues">
        {QUEUES.map((q) => {
          const count = data.counts?.[q.key];
          return (
            <button
              key={q.id}
              id={`queue-tab-${q.id}`}
              type="button"
              role="tab"
              aria-selected={q.id === queue}
              aria-controls="queue-panel"
              tabIndex={q.id === queue ? 0 : -1}
              onClick={() => setQuery({ queue: q.id })}
              onKeyDown={onTabKey}
            >
              {q.label}
              {count !== undefined && <span className="tab-count">{count}</span>}
            </button>
          );
        })}
      </div>

      <section id="queue-panel" role="tabpanel" aria-labelledby={`queue-tab-${queue}`} className="mod-panel">
        {data.arrived > 0 && (
          <button type="button" className="live-pill mod-arrived" onClick={data.reload}>
            <span className="live-dot" aria-hidden="true" />
            {plural(data.arrived, 'new comment')} in this queue — show
          </button>
        )}
        {state.selected.size > 0 && (
          <div className="mod-bulk" role="region" aria-label="Selection">
            <span>{plural(state.selected.size, 'comment')} selected</span>
            <button type="button" className="button" onClick={() => void decideMany([...state.selected], 'APPROVE')}>
              Approve selected <kbd aria-hidden="true">A</kbd>
            </button>
            <button type="button" className="button" onClick={() => openReject([...state.selected])}>
              Reject selected… <kbd aria-hidden="true">R</kbd>
            </button>
            <button
              type="button"
              className="button button-ghost"
              onClick={() => dispatch({ type: 'select', ids: state.selected.size === ids.length ? [] : ids })}
            >
              {state.selected.size === ids.length ? 'Select none' : 'Select all'}
            </button>
          </div>
        )}
        {data.status === 'error' ? (
          <ErrorState error={data.error} onRetry={data.reload} title="Could not load this queue" />
        ) : data.status === 'loading' ? (
          <Loading label="Loading the queue…" />
        ) : data.items.length === 0 ? (
          <div className="mod-empty">
            <p className="state-title">Nothing here</p>
            <p>This queue is empty{articleId ? ' for this article' : ''}. New comments appear as they arrive.</p>
          </div>
        ) : (
          <ol className="mod-list" aria-label={`${QUEUES.find((q) => q.id === queue)?.label} comments`}>
            {data.items.map((item, index) => (
              <li key={item.id}>
                <QueueCard
                  ref={(el) => {
                    if (el) cards.current.set(item.id, el);
                    else cards.current.delete(item.id);
                  }}
                  item={item}
                  active={index === state.cursor}
                  selected={state.selected.has(item.id)}
                  busy={busy.has(item.id)}
                  actions={cardActions}
                />
              </li>
            ))}
          </ol>
        )}
        {data.hasMore && (
          <button type="button" className="button mod-more" onClick={() => void data.loadMore()}>
            Load more
          </button>
        )}
      </section>

      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      {dialog?.kind === 'reject' && (
        <RejectDialog
          count={dialog.commentIds.length}
          defaultCategory={rejectDefault}
          onClose={() => dispatch({ type: 'close' })}
          onConfirm={(category, note) => {
            dispatch({ type: 'close' });
            const [only] = dialog.commentIds;
            const item = dialog.commentIds.length === 1 ? data.items.find((i) => i.id === only) : undefined;
            if (item) void decide(item, 'REJECT', { category, ...(note ? { reason: note } : {}) });
            else void decideMany(dialog.commentIds, 'REJECT', category, note || undefined);
          }}
        />
      )}
      {dialog?.kind === 'ban' && (
        <BanDialog
          name={dialog.name}
          onClose={() => dispatch({ type: 'close' })}
          onConfirm={(reason, rejectComments) => {
            dispatch({ type: 'close' });
            void ban(dialog.userId, dialog.name, reason, rejectComments);
          }}
        />
      )}
      {dialog?.kind === 'help' && <ShortcutsDialog onClose={() => dispatch({ type: 'close' })} />}
    </div>
  );
}
