import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { ARTICLES_QUERY, type ArticlesResult } from '../api/queries.ts';
import { plural, truncate } from '../ui/format.ts';
import { ErrorState, Loading } from '../ui/StateViews.tsx';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import { useQuery } from '../ui/useQuery.ts';
import { CommentHistoryDialog } from './CommentHistory.tsx';
import { BanDialog, RejectDialog, ShortcutsDialog } from './Dialogs.tsx';
import { DismissDialog } from './DismissDialog.tsx';
import { commandForKey, consoleReducer, initialConsoleState, type Command } from './keyboard.ts';
import { groupByPassage } from './passageGroups.ts';
import { QUEUES } from './queries.ts';
import { QueueCard, type QueueCardActions } from './QueueCard.tsx';
import { QueueTabs } from './QueueTabs.tsx';
import type { FlagReason, ModerationItem, ModerationQueue } from './types.ts';
import { useCommentSearch } from './useCommentSearch.ts';
import { useDecisions } from './useDecisions.ts';
import { useModerationQueue } from './useModerationQueue.ts';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

/** The moderation console: queue tabs with live counts, search, cards, keyboard-first decisions. */
export default function ModerationPage() {
  useDocumentTitle('Moderation');
  const [params, setParams] = useSearchParams();
  const queue: ModerationQueue = QUEUES.find((q) => q.id === params.get('queue')?.toUpperCase())?.id ?? 'PENDING';
  const articleId = params.get('article') || null;
  const searchQuery = params.get('q')?.trim() || null;
  const searchAuthor = (searchQuery && params.get('author')?.trim()) || null;
  const queueData = useModerationQueue(queue, articleId);
  const search = useCommentSearch(searchQuery, articleId, searchAuthor);
  // Search results take the queue's place: the same cards, keys and decisions.
  const data = searchQuery
    ? { ...search, status: search.status === 'idle' ? ('loading' as const) : search.status, arrived: 0 }
    : queueData;
  const { applyDecision, reload: reloadQueue } = data;
  const [draft, setDraft] = useState(searchQuery ?? '');
  const [authorDraft, setAuthorDraft] = useState(searchAuthor ?? '');
  const searchInput = useRef<HTMLInputElement>(null);
  const focusResults = useRef(false);
  const [state, dispatch] = useReducer(consoleReducer, initialConsoleState);
  const cards = useRef(new Map<string, HTMLElement>());
  const keyboardMoved = useRef(false);

  // The filter offers the 50 newest articles (the largest page the API gives).
  const articles = useQuery('mod-articles', (signal) =>
    api.request<ArticlesResult>(ARTICLES_QUERY, { first: 50 }, { signal }),
  );

  // Grouped by passage (a queue, not search results): the keyboard follows the groups' order.
  const grouped = !searchQuery && params.get('group') === 'passage';
  const groups = useMemo(() => (grouped ? groupByPassage(data.items) : null), [grouped, data.items]);
  const items = useMemo(() => (groups ? groups.flatMap((g) => g.items) : data.items), [groups, data.items]);
  const ids = useMemo(() => items.map((i) => i.id), [items]);
  useEffect(() => dispatch({ type: 'items', ids }), [ids]);
  const current = items[state.cursor] ?? null;

  // Keyboard moves focus with the cursor, so screen readers follow it.
  useEffect(() => {
    if (!keyboardMoved.current || !current) return;
    keyboardMoved.current = false;
    const el = cards.current.get(current.id);
    el?.focus({ preventScroll: true });
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);

  // After a search, the keyboard goes to the first result (typing "a" then approves it).
  useEffect(() => {
    if (!focusResults.current || !searchQuery || search.status === 'loading' || search.status === 'idle') return;
    focusResults.current = false;
    const first = search.items[0];
    if (first) cards.current.get(first.id)?.focus({ preventScroll: true });
  }, [searchQuery, search.status, search.items]);

  const setQuery = (next: {
    queue?: ModerationQueue;
    article?: string | null;
    q?: string | null;
    author?: string | null;
  }) =>
    setParams((p) => {
      const out = new URLSearchParams(p);
      if (next.q !== undefined) {
        if (next.q) out.set('q', next.q);
        else out.delete('q');
      }
      if (next.author !== undefined) {
        if (next.author) out.set('author', next.author);
        else out.delete('author');
      }
      if (next.queue) {
        out.set('queue', next.queue.toLowerCase());
        out.delete('q');
        out.delete('author');
      }
      if (next.article !== undefined) {
        if (next.article) out.set('article', next.article);
        else out.delete('article');
      }
      return out;
    });

  const clearSelection = useCallback(() => dispatch({ type: 'clearSelection' }), []);
  const { busy, announcement, decide, decideMany, ban, dismiss } = useDecisions({
    applyDecision,
    reload: reloadQueue,
    clearSelection,
  });

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
      dismiss: (item) => dispatch({ type: 'open', dialog: { kind: 'dismiss', commentId: item.id } }),
      history: (item) => dispatch({ type: 'open', dialog: { kind: 'history', commentId: item.id } }),
      toggle: (id) => dispatch({ type: 'toggle', id }),
      focus: (id) => dispatch({ type: 'focus', id }),
    }),
    [decide, openReject, openBan],
  );

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    focusResults.current = true;
    const q = draft.trim() || null;
    setQuery({ q, author: (q && authorDraft.trim()) || null });
  };

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
        case 'dismiss':
          if (current && current.flags.length > 0) {
            dispatch({ type: 'open', dialog: { kind: 'dismiss', commentId: current.id } });
          }
          return;
        case 'history':
          if (current && current.comment.revisions.length > 0) {
            dispatch({ type: 'open', dialog: { kind: 'history', commentId: current.id } });
          }
          return;
        case 'search':
          searchInput.current?.focus();
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

  const dialog = state.dialog;
  const rejectDefault: FlagReason =
    (dialog?.kind === 'reject' && data.items.find((i) => i.id === dialog.commentIds[0])?.flags[0]?.reason) || 'OTHER';

  return (
    <div className="mod-console">
      <header className="mod-header">
        <h1>Moderation</h1>
        <div className="mod-tools">
          <form className="mod-search" role="search" onSubmit={submitSearch}>
            <div className="field">
              <label htmlFor="mod-search">Search comments</label>
              <input
                id="mod-search"
                ref={searchInput}
                type="search"
                value={draft}
                maxLength={200}
                placeholder="Words, “a phrase”, -excluded"
                aria-keyshortcuts="/"
                onChange={(e) => setDraft(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="mod-search-author">By author</label>
              <input
                id="mod-search-author"
                value={authorDraft}
                maxLength={320}
                placeholder="@handle"
                onChange={(e) => setAuthorDraft(e.target.value)}
              />
            </div>
            <button type="submit" className="button">
              Search
            </button>
          </form>
          <div className="field mod-filter">
            <label htmlFor="mod-article">Article</label>
            <select id="mod-article" value={articleId ?? ''} onChange={(e) => setQuery({ article: e.target.value })}>
              <option value="">All articles</option>
              {articles.data?.articles.nodes.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title}
                </option>
              ))}
            </select>
          </div>
          {articleId && (
            <Link className="button button-ghost" to={`/moderate/audit?article=${encodeURIComponent(articleId)}`}>
              Audit trail of this article
            </Link>
          )}
          {!searchQuery && (
            <button
              type="button"
              className="button button-ghost"
              aria-pressed={grouped}
              onClick={() =>
                setParams((p) => {
                  const out = new URLSearchParams(p);
                  if (grouped) out.delete('group');
                  else out.set('group', 'passage');
                  return out;
                })
              }
            >
              Group by passage
            </button>
          )}
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

      <QueueTabs
        queue={searchQuery ? null : queue}
        counts={queueData.counts}
        onChange={(next) => {
          setDraft('');
          setAuthorDraft('');
          setQuery({ queue: next });
        }}
      />

      <section
        id="queue-panel"
        role={searchQuery ? 'region' : 'tabpanel'}
        aria-labelledby={searchQuery ? 'search-heading' : `queue-tab-${queue}`}
        className="mod-panel"
      >
        {searchQuery && (
          <div className="mod-results-head">
            <h2 id="search-heading">
              Comments matching “{searchQuery}”{searchAuthor && ` by ${searchAuthor}`}
            </h2>
            <button
              type="button"
              className="button button-ghost"
              onClick={() => {
                setDraft('');
                setAuthorDraft('');
                setQuery({ q: null, author: null });
              }}
            >
              Back to the queue
            </button>
          </div>
        )}
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
          <ErrorState
            error={data.error}
            onRetry={data.reload}
            title={searchQuery ? 'Could not search' : 'Could not load this queue'}
          />
        ) : data.status === 'loading' ? (
          <Loading label={searchQuery ? 'Searching…' : 'Loading the queue…'} />
        ) : data.items.length === 0 ? (
          <div className="mod-empty">
            <p className="state-title">{searchQuery ? 'No matching comments' : 'Nothing here'}</p>
            {searchQuery ? (
              <p>
                No comment{articleId ? ' on this article' : ''} contains these words. Words are matched by their stem
                (“edits” finds “edited”); try fewer or other words.
              </p>
            ) : (
              <p>This queue is empty{articleId ? ' for this article' : ''}. New comments appear as they arrive.</p>
            )}
          </div>
        ) : (
          (groups ?? [null]).map((group) => {
            const list = group ? group.items : items;
            return (
              <div key={group?.key ?? 'all'} className={group ? 'mod-group' : undefined}>
                {group && (
                  <div className="mod-group-head">
                    <h3>
                      {group.quote ? `“${truncate(group.quote, 120)}”` : 'The article as a whole'}
                      <span className="mod-group-article"> — {group.article.title}</span>
                    </h3>
                    <span className="mod-group-count">{plural(group.items.length, 'comment')}</span>
                    <button
                      type="button"
                      className="button button-ghost"
                      onClick={() => dispatch({ type: 'select', ids: group.items.map((i) => i.id) })}
                    >
                      Select these {group.items.length}
                    </button>
                  </div>
                )}
                <ol
                  className="mod-list"
                  aria-label={
                    group
                      ? `Comments on ${group.quote ? `“${truncate(group.quote, 60)}”` : 'the article as a whole'}`
                      : searchQuery
                        ? 'Search results'
                        : `${QUEUES.find((q) => q.id === queue)?.label} comments`
                  }
                >
                  {list.map((item) => (
                    <li key={item.id}>
                      <QueueCard
                        ref={(el) => {
                          if (el) cards.current.set(item.id, el);
                          else cards.current.delete(item.id);
                        }}
                        item={item}
                        active={item.id === current?.id}
                        selected={state.selected.has(item.id)}
                        busy={busy.has(item.id)}
                        actions={cardActions}
                        snippet={searchQuery ? search.snippets.get(item.id) : undefined}
                      />
                    </li>
                  ))}
                </ol>
              </div>
            );
          })
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
      {dialog?.kind === 'dismiss' && (
        <DismissDialog
          reports={data.items.find((i) => i.id === dialog.commentId)?.flags.length ?? 0}
          onClose={() => dispatch({ type: 'close' })}
          onConfirm={(reason) => {
            dispatch({ type: 'close' });
            const item = data.items.find((i) => i.id === dialog.commentId);
            if (item) void dismiss(item, reason);
          }}
        />
      )}
      {dialog?.kind === 'history' && (
        <CommentHistoryDialog commentId={dialog.commentId} onClose={() => dispatch({ type: 'close' })} />
      )}
      {dialog?.kind === 'help' && <ShortcutsDialog onClose={() => dispatch({ type: 'close' })} />}
    </div>
  );
}
