import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import {
  ARTICLE_OVERVIEW_QUERY,
  COMMENT_THREAD_QUERY,
  PAGE_THREADS_QUERY,
  THREAD_QUERY,
  THREAD_SUMMARIES_QUERY,
  type ArticleOverviewResult,
  type CommentThreadResult,
  type PageThreadsResult,
  type ThreadResult,
  type ThreadSummariesResult,
} from '../api/queries.ts';
import type { Article, Comment, HighlightRange, Thread, ThreadSummary } from '../api/types.ts';
import { adjustMap, meets, mergeSpans, missingSpans, type Span } from './discussionWindow.ts';
import type { LiveArticleState } from './useLiveDiscussion.ts';

/** What the article query brought for a very large discussion. */
export interface FirstOverview {
  map: HighlightRange[];
  summaries: ThreadSummary[];
  /** The stretch those summaries cover completely. */
  loaded: Span;
}

/** The windowed discussion the reader draws from when not every thread is loaded. */
export interface LargeDiscussion {
  map: HighlightRange[];
  summaries: ThreadSummary[];
  /** Loads the summaries of a stretch not loaded yet (all its pages); returns those meeting it. */
  loadSpan(span: Span): Promise<ThreadSummary[]>;
  /** Loads a thread whole (when opened), into the article's threads. */
  open(threadId: string): void;
  /** Loads the thread holding a comment (a permalink); false when the viewer may not see it. */
  openComment(commentId: string): Promise<boolean>;
  /** Counts a change on a passage at once (the reader's own new thread), before the server's map. */
  notePassage(passage: { start: number; end: number }, delta: { threads: number; comments: number }): void;
  /** After live events: the map again, and the threads named, wherever they are shown. */
  refresh(threadIds: readonly string[]): Promise<void>;
}

/** Pages of one stretch at most: 50 × 20 summaries, more than a screen can hold. */
const MAX_PAGES = 20;

const byPosition = (a: ThreadSummary, b: ThreadSummary): number =>
  a.start - b.start || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** A whole thread in brief, for a summary already shown (live changes). */
export function summaryOf(thread: Thread, previous: ThreadSummary | undefined): ThreadSummary | null {
  if (!thread.anchor) return null;
  const first = thread.comments[0];
  if (!first) return null;
  const deleted = first.status === 'DELETED';
  return {
    id: thread.id,
    start: thread.anchor.start,
    end: thread.anchor.end,
    exact: thread.anchor.exact,
    commentCount: thread.comments.filter((c) => c.status !== 'DELETED').length,
    createdAt: thread.createdAt,
    firstCommentId: first.id,
    firstStatus: first.status,
    excerpt: deleted ? '' : first.id === previous?.firstCommentId ? previous.excerpt : textOf(first.bodyHtml),
    authorName: deleted ? null : first.authorName,
    postedAt: first.postedAt,
  };
}

function textOf(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A summary as a thread whose only comment is the opening excerpt (until the thread is opened). */
export function summaryThread(summary: ThreadSummary, article: Pick<Article, 'id' | 'revision'>): Thread {
  const comment: Comment = {
    id: summary.firstCommentId,
    threadId: summary.id,
    parentId: null,
    authorName: summary.authorName ?? '[deleted]',
    author: null,
    legacyNumber: null,
    postedAt: summary.postedAt,
    bodyHtml: summary.excerpt ? `<p>${escapeHtml(summary.excerpt)}</p>` : '',
    status: summary.firstStatus,
    statusReason: null,
    editedAt: null,
    isOwn: false,
    reactions: [],
    viewerReactions: [],
  };
  return {
    id: summary.id,
    articleId: article.id,
    anchor: {
      revisionId: article.revision.id,
      start: summary.start,
      end: summary.end,
      exact: summary.exact,
      prefix: '',
      suffix: '',
      status: 'ANCHORED',
    },
    originalQuote: null,
    anchorStatus: 'ANCHORED',
    commentCount: summary.commentCount,
    createdAt: summary.createdAt,
    comments: [comment],
  };
}

/**
 * State of a windowed discussion: the highlight map, the summaries loaded so far (by id) and
 * the stretches they cover. Stretches are asked for once, page after page; threads opened
 * are loaded whole into the article through `putThread`.
 */
export function useLargeDiscussion(
  slug: string,
  first: FirstOverview | null,
  threads: readonly Thread[],
  putThread: (thread: Thread) => void,
  dropThread: (threadId: string) => void,
  onState: (state: LiveArticleState & Pick<Article, 'threadCount' | 'commentCount'>) => void,
): LargeDiscussion | null {
  const [map, setMap] = useState<HighlightRange[]>(first?.map ?? []);
  const [byId, setById] = useState<ReadonlyMap<string, ThreadSummary>>(
    () => new Map((first?.summaries ?? []).map((s) => [s.id, s])),
  );
  const loaded = useRef<Span[]>(first ? [first.loaded] : []);
  // A new first view (another article, another viewer) starts the window afresh.
  const [seen, setSeen] = useState(first);
  if (first !== seen) {
    setSeen(first);
    setMap(first?.map ?? []);
    setById(new Map((first?.summaries ?? []).map((s) => [s.id, s])));
    loaded.current = first ? [first.loaded] : [];
  }
  const opening = useRef(new Set<string>());
  const threadsRef = useRef(threads);
  threadsRef.current = threads;
  const byIdRef = useRef(byId);
  byIdRef.current = byId;

  // The page-level discussion, below the text, comes right after the first view.
  useEffect(() => {
    if (!first) return;
    let live = true;
    api.request<PageThreadsResult>(PAGE_THREADS_QUERY, { slug }).then(
      (data) => {
        if (live) for (const thread of data.article?.pageThreads?.nodes ?? []) putThread(thread);
      },
      () => undefined, // the page-level discussion stays empty; the text and margin work on
    );
    return () => {
      live = false;
    };
  }, [first, slug, putThread]);

  const addSummaries = useCallback((list: readonly ThreadSummary[]) => {
    if (list.length === 0) return;
    setById((prev) => {
      const next = new Map(prev);
      for (const s of list) next.set(s.id, s);
      return next;
    });
  }, []);

  const loadSpan = useCallback(
    async (span: Span): Promise<ThreadSummary[]> => {
      const missing = missingSpans(loaded.current, span);
      // Claimed before asking, so scrolling back and forth asks for a stretch once.
      loaded.current = mergeSpans([...loaded.current, ...missing]);
      const found: ThreadSummary[] = [];
      try {
        await Promise.all(
          missing.map(async ({ from, to }) => {
            let after: string | null = null;
            for (let page = 0; page < MAX_PAGES; page++) {
              const data: ThreadSummariesResult = await api.request<ThreadSummariesResult>(THREAD_SUMMARIES_QUERY, {
                slug,
                from,
                to,
                after,
              });
              const connection = data.article?.threadSummaries;
              if (!connection) return;
              found.push(...connection.nodes);
              addSummaries(connection.nodes);
              if (!connection.pageInfo.hasNextPage) return;
              after = connection.pageInfo.endCursor;
            }
          }),
        );
      } catch {
        // Asked again next time the reader comes by.
        loaded.current = loaded.current.flatMap((s) => subtract(s, missing));
      }
      const all = new Map([...byIdRef.current].filter(([, s]) => meets(s.start, s.end, span)));
      for (const s of found) if (meets(s.start, s.end, span)) all.set(s.id, s);
      return [...all.values()].sort(byPosition);
    },
    [slug, addSummaries],
  );

  const open = useCallback(
    (threadId: string) => {
      if (opening.current.has(threadId) || threadsRef.current.some((t) => t.id === threadId)) return;
      opening.current.add(threadId);
      api.request<ThreadResult>(THREAD_QUERY, { id: threadId }).then(
        ({ thread }) => putThread(thread),
        () => opening.current.delete(threadId),
      );
    },
    [putThread],
  );

  const openComment = useCallback(
    (commentId: string) =>
      api.request<CommentThreadResult>(COMMENT_THREAD_QUERY, { id: commentId }).then(
        ({ comment }) => {
          putThread(comment.thread);
          return true;
        },
        () => false,
      ),
    [putThread],
  );

  const notePassage = useCallback(
    (passage: { start: number; end: number }, delta: { threads: number; comments: number }) =>
      setMap((current) => adjustMap(current, passage, delta)),
    [],
  );

  const refresh = useCallback(
    async (threadIds: readonly string[]) => {
      const overview = await api.request<ArticleOverviewResult>(ARTICLE_OVERVIEW_QUERY, { slug });
      if (overview.article) {
        const { highlightMap, threadCount, commentCount, state, discussionStatus } = overview.article;
        setMap(highlightMap);
        onState({ threadCount, commentCount, state, discussionStatus });
      }
      await Promise.all(
        threadIds.slice(0, 20).map(async (id) => {
          let thread: Thread | null = null;
          try {
            thread = (await api.request<ThreadResult>(THREAD_QUERY, { id })).thread;
          } catch {
            thread = null; // gone from the reader's view (deleted, held, rejected)
          }
          const opened = threadsRef.current.some((t) => t.id === id);
          if (!thread) {
            if (opened) dropThread(id);
            setById((prev) => {
              if (!prev.has(id)) return prev;
              const next = new Map(prev);
              next.delete(id);
              return next;
            });
            return;
          }
          if (opened || !thread.anchor) putThread(thread);
          const anchor = thread.anchor;
          if (!anchor) return;
          setById((prev) => {
            const shown = prev.get(id);
            if (!shown && !loaded.current.some((s) => meets(anchor.start, anchor.end, s))) return prev;
            const summary = summaryOf(thread, shown);
            if (!summary) return prev;
            const next = new Map(prev);
            next.set(id, summary);
            return next;
          });
        }),
      );
    },
    [slug, putThread, dropThread, onState],
  );

  const summaries = useMemo(() => [...byId.values()].sort(byPosition), [byId]);
  return useMemo(
    () => (first ? { map, summaries, loadSpan, open, openComment, notePassage, refresh } : null),
    [first, map, summaries, loadSpan, open, openComment, notePassage, refresh],
  );
}

/** `span` less the stretches in `holes`. */
function subtract(span: Span, holes: readonly Span[]): Span[] {
  let parts = [span];
  for (const h of holes) {
    parts = parts.flatMap((p) =>
      h.to <= p.from || h.from >= p.to
        ? [p]
        : [
            ...(h.from > p.from ? [{ from: p.from, to: h.from }] : []),
            ...(h.to < p.to ? [{ from: h.to, to: p.to }] : []),
          ],
    );
  }
  return parts;
}
