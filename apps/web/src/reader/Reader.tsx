import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/errors.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import {
  CREATE_THREAD_MUTATION,
  REATTACH_THREAD_MUTATION,
  type CreateThreadResult,
  type CreateThreadVariables,
  type ReattachThreadResult,
} from '../api/queries.ts';
import type { Article, Comment, Stance, Thread } from '../api/types.ts';
import { plural } from '../ui/format.ts';
import { useMediaQuery, WIDE_LAYOUT_QUERY } from '../ui/useMediaQuery.ts';
import { ArticleBody } from './ArticleBody.tsx';
import { ArticleHeader } from './ArticleHeader.tsx';
import { DRAFT_ID } from './BlockText.tsx';
import { CommentButton } from './CommentButton.tsx';
import { DigestPanel } from './DigestPanel.tsx';
import { Discussion } from './Discussion.tsx';
import type { DiscussionTab } from './DiscussionTabs.tsx';
import { Heatmap } from './Heatmap.tsx';
import { PageComments } from './PageComments.tsx';
import { selectionToOffsets, type OffsetRange } from './selection.ts';
import { buildSelector } from './selector.ts';
import { classifyThreads, findThreadOfComment, type PlacedThread } from './threads.ts';
import { moderationShadingStatus, ShadingSwitch } from './ShadingSwitch.tsx';
import { useHotSpots } from './useHotSpots.ts';
import { DebateStances } from './DebateStances.tsx';
import { DisagreementSwitch } from './DisagreementSwitch.tsx';
import { useContestedPassages } from './useContestedPassages.ts';
import type { HighlightSpan } from './segments.ts';
import { useCommentActions } from './useCommentActions.ts';
import { DiscussionNotice } from './DiscussionNotice.tsx';
import { useTextSelection } from './useTextSelection.ts';
import { LiveNotice, type LiveState } from './LiveNotice.tsx';
import { mapTotals } from './discussionWindow.ts';
import { summaryThread, type LargeDiscussion } from './useLargeDiscussion.ts';
import { useVisibleStretch } from './useVisibleStretch.ts';

/** Highlights of a very large discussion are merged ranges, not threads: their ids say so. */
const RANGE_PREFIX = 'range:';
const isRange = (id: string): boolean => id.startsWith(RANGE_PREFIX);
function rangeOf(id: string): { start: number; end: number } | null {
  const [start, end] = id.slice(RANGE_PREFIX.length).split('-').map(Number);
  return Number.isInteger(start) && Number.isInteger(end) ? { start: start!, end: end! } : null;
}

interface ReaderProps {
  article: Article;
  commentId: string | null;
  addThread(thread: Thread): void;
  addComment(comment: Comment): void;
  patchComment(comment: Comment): void;
  removeComment(comment: Comment): void;
  replaceThread(thread: Thread): void;
  live: LiveState;
  /** A discussion too large to read whole: the map, summaries near the viewport, threads opened. */
  large?: LargeDiscussion | null;
}

const prefersReducedMotion = (): boolean =>
  typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** Marks of a thread in the article, located by their data-threads id list. */
function firstMarkOf(body: HTMLElement | null, threadId: string): HTMLElement | null {
  if (!body) return null;
  for (const mark of body.querySelectorAll<HTMLElement>('mark[data-threads]')) {
    if (mark.dataset.threads?.split(' ').includes(threadId)) return mark;
  }
  return null;
}

/**
 * The reading view: article text with highlights, selection → comment flow, the margin (or
 * drawer) of threads, the heatmap and page-level comments.
 */
export function Reader({
  article,
  commentId,
  addThread,
  addComment,
  patchComment,
  removeComment,
  replaceThread,
  live,
  large = null,
}: ReaderProps) {
  const { user } = useAuth();
  const staff = user?.role === 'MODERATOR' || user?.role === 'ADMIN';
  const readOnly = (article.discussionStatus ?? 'OPEN') !== 'OPEN';
  // An orphaned thread a moderator is placing on a passage: the next selection's button attaches it.
  const [reattaching, setReattaching] = useState<string | null>(null);
  const [reattachError, setReattachError] = useState<string | null>(null);
  const wide = useMediaQuery(WIDE_LAYOUT_QUERY);
  const coarsePointer = useMediaQuery('(pointer: coarse)');
  const containerRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [selection, clearSelection] = useTextSelection(bodyRef, containerRef);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [draft, setDraft] = useState<OffsetRange | null>(null);
  const [tab, setTab] = useState<DiscussionTab>('text');
  const [drawerOpen, setDrawerOpen] = useState(false);
  // After posting, focus moves to the new thread's card so screen readers hear the result.
  const [focusThreadId, setFocusThreadId] = useState<string | null>(null);
  const [missingComment, setMissingComment] = useState(false);
  // Staff may shade the text by moderation (reports, holds, rejections) instead of discussion.
  const [shading, setShading] = useState<'discussion' | 'moderation'>('discussion');
  const byModeration = staff && shading === 'moderation';
  const hotSpots = useHotSpots(article.id, byModeration);

  const { revision } = article;
  // A large discussion shows the threads opened whole and, for the others, their summaries.
  const shownThreads = useMemo(() => {
    if (!large) return article.threads;
    const whole = new Set(article.threads.map((t) => t.id));
    const summaries = large.summaries.filter((s) => !whole.has(s.id)).map((s) => summaryThread(s, article));
    return [...article.threads, ...summaries];
  }, [large, article]);
  const classified = useMemo(() => classifyThreads(shownThreads, revision.id), [shownThreads, revision.id]);
  const textLength = revision.blocks.at(-1)?.end ?? 0;
  const isLarge = large !== null;
  const map = large?.map ?? null;
  const chars = useMemo(() => (isLarge ? Array.from(revision.text) : null), [isLarge, revision.text]);
  // The map's ranges as threads of their own, for the highlights and the discussion map.
  const rangeThreads = useMemo<PlacedThread[] | null>(
    () =>
      map && chars
        ? map.map((r) => ({
            id: `${RANGE_PREFIX}${r.start}-${r.end}`,
            articleId: article.id,
            anchor: {
              revisionId: revision.id,
              start: r.start,
              end: r.end,
              exact: chars.slice(r.start, Math.min(r.end, r.start + 120)).join(''),
              prefix: '',
              suffix: '',
              status: 'ANCHORED',
            },
            originalQuote: null,
            anchorStatus: 'ANCHORED',
            commentCount: r.commentCount,
            createdAt: article.createdAt,
            comments: [],
          }))
        : null,
    [map, chars, article.id, article.createdAt, revision.id],
  );
  useVisibleStretch(bodyRef, revision.blocks, large ? large.loadSpan : null);

  // Anyone may shade by how divided each passage is; asked again when the published discussion grows.
  const [byDisagreement, setByDisagreement] = useState(false);
  const published = article.threads.reduce((n, t) => n + t.commentCount, 0);
  const contested = useContestedPassages(article.id, tab === 'disagree' || byDisagreement, published);
  const chooseShading = useCallback((value: 'discussion' | 'moderation') => {
    setShading(value);
    if (value === 'moderation') setByDisagreement(false);
  }, []);
  const chooseDisagreement = useCallback((on: boolean) => {
    setByDisagreement(on);
    if (on) setShading('discussion');
  }, []);

  const heatOf = hotSpots.heatOf;
  const scoreOf = contested.scoreOf;
  const weightOf = useCallback(
    (t: PlacedThread): number =>
      byModeration ? (heatOf.get(t.id) ?? 0) : byDisagreement ? (scoreOf.get(t.id) ?? 0) : Math.max(1, t.commentCount),
    [byModeration, heatOf, byDisagreement, scoreOf],
  );
  const spans = useMemo<HighlightSpan[]>(() => {
    const list: HighlightSpan[] = (rangeThreads ?? classified.anchored).map((t) => ({
      id: t.id,
      start: t.anchor.start,
      end: t.anchor.end,
      weight: weightOf(t),
    }));
    if (draft) list.push({ id: DRAFT_ID, start: draft.start, end: draft.end, weight: 0 });
    return list;
  }, [rangeThreads, classified.anchored, draft, weightOf]);

  const openThread = useCallback(
    (threadId: string | null) => {
      setActiveId(threadId);
      setFocusThreadId(null);
      if (threadId) {
        setTab(classified.orphaned.some((t) => t.id === threadId) ? 'orphaned' : 'text');
        if (!wide) setDrawerOpen(true);
      }
    },
    [classified.orphaned, wide],
  );

  // A range of a large discussion opens its first thread, once the range's summaries are in.
  const openRange = useCallback(
    (id: string) => {
      const range = rangeOf(id);
      if (!range || !large) return;
      void large.loadSpan({ from: range.start, to: range.end }).then((list) => {
        if (list[0]) openThread(list[0].id);
      });
    },
    [large, openThread],
  );
  // An opened summary is loaded whole.
  useEffect(() => {
    if (large && activeId && !isRange(activeId)) large.open(activeId);
  }, [large, activeId]);

  // ── New passage thread ────────────────────────────────────────────────────────────────
  const openComposer = useCallback(() => {
    const body = bodyRef.current;
    const offsets = (body && selectionToOffsets(window.getSelection(), body)) ?? selection;
    if (!offsets) return;
    setDraft({ start: offsets.start, end: offsets.end });
    setActiveId(null);
    setTab('text');
    if (!wide) setDrawerOpen(true);
    clearSelection();
  }, [selection, wide, clearSelection]);

  const cancelDraft = useCallback(() => {
    setDraft(null);
    bodyRef.current?.focus({ preventScroll: true });
  }, []);

  const postDraft = useCallback(
    async (body: string, stance: Stance | null = null) => {
      if (!draft) return;
      const selector = await buildSelector(revision.text, draft.start, draft.end);
      const variables: CreateThreadVariables = { input: { articleId: article.id, selector, body, stance } };
      const { createThread } = await api.request<CreateThreadResult>(CREATE_THREAD_MUTATION, variables);
      addThread(createThread);
      // A large discussion highlights from its map: the new passage shows before the map is read again.
      large?.notePassage(draft, { threads: 1, comments: createThread.comments.length });
      setDraft(null);
      setActiveId(createThread.id);
      setFocusThreadId(createThread.id);
    },
    [draft, revision.text, article.id, addThread, large],
  );

  const postPageComment = useCallback(
    async (body: string, stance: Stance | null = null) => {
      const variables: CreateThreadVariables = { input: { articleId: article.id, body, stance } };
      const { createThread } = await api.request<CreateThreadResult>(CREATE_THREAD_MUTATION, variables);
      addThread(createThread);
    },
    [article.id, addThread],
  );

  const startReattach = useCallback((threadId: string) => {
    setReattaching(threadId);
    setReattachError(null);
    setDrawerOpen(false);
    bodyRef.current?.focus({ preventScroll: true });
  }, []);
  const actions = useCommentActions(
    article.slug,
    commentId,
    { addComment, patchComment, removeComment },
    staff ? startReattach : null,
    readOnly,
  );

  const attachHere = useCallback(async () => {
    const body = bodyRef.current;
    const offsets = (body && selectionToOffsets(window.getSelection(), body)) ?? selection;
    if (!reattaching || !offsets) return;
    try {
      const selector = await buildSelector(revision.text, offsets.start, offsets.end);
      const { reattachThread } = await api.request<ReattachThreadResult>(REATTACH_THREAD_MUTATION, {
        input: { threadId: reattaching, selector },
      });
      replaceThread(reattachThread);
      clearSelection();
      setReattaching(null);
      setTab('text');
      setActiveId(reattachThread.id);
    } catch (error) {
      setReattachError(errorMessage(error));
    }
  }, [reattaching, selection, revision.text, replaceThread, clearSelection]);

  // ── Keyboard: "c" comments on the current selection ───────────────────────────────────
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'c' && event.key !== 'C') return;
      if (event.metaKey || event.ctrlKey || event.altKey || isEditable(event.target)) return;
      const body = bodyRef.current;
      if (!body || !selectionToOffsets(window.getSelection(), body)) return;
      event.preventDefault();
      if (reattaching) void attachHere();
      else openComposer();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [openComposer, reattaching, attachHere]);

  // ── Clicking a highlight opens its (narrowest) thread ─────────────────────────────────
  const onBodyClick = useCallback(
    (event: MouseEvent<HTMLDivElement>) => {
      if (!window.getSelection()?.isCollapsed) return; // finishing a selection, not a click
      const mark = (event.target as Element).closest<HTMLElement>('mark[data-threads]');
      const id = mark?.dataset.threads?.split(' ').find((t) => t !== DRAFT_ID);
      if (id && isRange(id)) openRange(id);
      else if (id) openThread(id);
    },
    [openThread, openRange],
  );

  const jumpToThread = useCallback(
    (threadId: string) => {
      if (isRange(threadId)) openRange(threadId);
      else openThread(threadId);
      firstMarkOf(bodyRef.current, threadId)?.scrollIntoView?.({
        block: 'center',
        behavior: prefersReducedMotion() ? 'auto' : 'smooth',
      });
    },
    [openThread, openRange],
  );

  // ── Permalink: open the thread holding the comment, then bring the comment into view ──
  const handledPermalink = useRef<string | null>(null);
  // A large discussion loads the permalinked comment's thread first (its id while in flight).
  const askedPermalink = useRef<string | null>(null);
  useEffect(() => {
    if (!commentId || handledPermalink.current === commentId) return;
    const thread = findThreadOfComment(article.threads, commentId);
    if (!thread && large && askedPermalink.current !== `done:${commentId}`) {
      if (askedPermalink.current !== commentId) {
        askedPermalink.current = commentId;
        void large.openComment(commentId).then((found) => {
          askedPermalink.current = `done:${commentId}`;
          if (!found) setMissingComment(true);
        });
      }
      return;
    }
    handledPermalink.current = commentId;
    setMissingComment(!thread);
    if (!thread) return;
    if (!classified.page.includes(thread)) openThread(thread.id);
    // Wait for the margin layout (or drawer) to settle before scrolling.
    const timer = setTimeout(() => {
      const el = document.getElementById(`comment-${commentId}`);
      if (!el) return;
      el.scrollIntoView?.({ block: 'center', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
      el.focus({ preventScroll: true });
    }, 120);
    return () => clearTimeout(timer);
  }, [commentId, article.threads, classified.page, openThread, large]);

  const closeDrawer = useCallback(() => setDrawerOpen(false), []);
  const toggleThread = useCallback((id: string, expanded: boolean) => setActiveId(expanded ? id : null), []);
  const threadTotal = (large ? mapTotals(large.map).threads : classified.anchored.length) + classified.orphaned.length;

  return (
    <div className={`reader${wide ? ' is-wide' : ''}${byModeration ? ' is-moderation-heat' : ''}`}>
      <ArticleHeader article={article} />
      <DiscussionNotice article={article} />
      {reattaching && (
        <div className="notice reattach-notice" role="status">
          Select the passage this thread belongs to, then choose <strong>Attach here</strong>.{' '}
          <button type="button" className="link-button" onClick={() => setReattaching(null)}>
            Cancel
          </button>
          {reattachError && (
            <span className="field-error" role="alert">
              {' '}
              {reattachError}
            </span>
          )}
        </div>
      )}
      {missingComment && (
        <p className="notice" role="status">
          The linked comment isn’t available. It may have been removed or be awaiting moderation.
        </p>
      )}
      {staff && classified.anchored.length > 0 && (
        <ShadingSwitch
          shading={shading}
          onChange={chooseShading}
          status={byModeration ? moderationShadingStatus(hotSpots) : null}
        />
      )}
      {/* Only a debate (turns with speakers) has sides to lean toward: no request otherwise. */}
      {revision.blocks.some((b) => b.kind === 'turn') && <DebateStances slug={article.slug} version={published} />}
      {classified.anchored.length > 0 && (
        <DisagreementSwitch
          on={byDisagreement}
          onChange={chooseDisagreement}
          status={byDisagreement ? disagreementStatus(contested) : null}
        />
      )}
      <div className="reader-grid" ref={containerRef}>
        <Heatmap
          threads={rangeThreads ?? classified.anchored}
          textLength={textLength}
          activeId={activeId}
          onSelect={jumpToThread}
          weightOf={weightOf}
          label={byModeration ? 'Moderation map' : byDisagreement ? 'Disagreement map' : 'Discussion map'}
        />
        {/* Clicking highlights is a mouse shortcut; keyboard users reach every thread through
            the margin list and the discussion map. */}
        <div className="reader-text" onClick={onBodyClick}>
          <ArticleBody ref={bodyRef} blocks={revision.blocks} spans={spans} activeId={activeId} />
          {selection && !draft && (!readOnly || reattaching) && (
            <CommentButton
              selection={selection}
              onComment={reattaching ? () => void attachHere() : openComposer}
              placeBelow={coarsePointer}
              label={reattaching ? 'Attach here' : undefined}
            />
          )}
        </div>
        <Discussion
          wide={wide}
          article={article}
          classified={classified}
          activeId={activeId}
          onToggle={toggleThread}
          tab={tab}
          onTab={setTab}
          draft={draft}
          onPostDraft={postDraft}
          onCancelDraft={cancelDraft}
          actions={actions}
          bodyRef={bodyRef}
          drawerOpen={drawerOpen}
          onCloseDrawer={closeDrawer}
          focusThreadId={focusThreadId}
          contested={contested}
          onOpenPassage={jumpToThread}
        />
      </div>
      {!wide && (
        <button
          type="button"
          className="discussion-toggle"
          aria-expanded={drawerOpen}
          aria-controls="discussion-drawer"
          onClick={() => setDrawerOpen(true)}
        >
          Discussion
          <span className="discussion-toggle-count" aria-hidden="true">
            {threadTotal}
          </span>
          <span className="visually-hidden"> ({plural(threadTotal, 'thread')} on passages)</span>
        </button>
      )}
      <DigestPanel articleId={article.id} slug={article.slug} onPassage={jumpToThread} />
      <PageComments threads={classified.page} actions={actions} onPost={postPageComment} readOnly={readOnly} />
      <LiveNotice live={live} />
    </div>
  );
}

/** What the disagreement shading shows, or why it shows nothing (for the status line). */
function disagreementStatus(contested: ReturnType<typeof useContestedPassages>): string {
  if (contested.status === 'error' && !contested.passages) return 'Could not load where readers disagree.';
  if (!contested.passages) return 'Loading where readers disagree…';
  if (contested.passages.length === 0) return 'No passage divides readers yet.';
  return `${plural(contested.passages.length, 'passage divides', 'passages divide')} readers; the darker, the more divided.`;
}
