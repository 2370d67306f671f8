import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Article, Stance, Thread } from '../api/types.ts';
import type { CommentActions } from './CommentItem.tsx';
import { ContestedView } from './ContestedView.tsx';
import { DiscussionTabs, type DiscussionTab } from './DiscussionTabs.tsx';
import { DraftCard } from './DraftCard.tsx';
import { Drawer } from './Drawer.tsx';
import { MarginColumn, type MarginEntry } from './MarginColumn.tsx';
import type { OffsetRange } from './selection.ts';
import { ThreadCard } from './ThreadCard.tsx';
import { SortSelect } from './SortSelect.tsx';
import { findThreadElement, sortThreads, type ClassifiedThreads, type DiscussionOrder } from './threads.ts';
import { useAnchorTops, type MeasuredRange } from './useAnchorTops.ts';
import type { useContestedPassages } from './useContestedPassages.ts';

const DRAFT_KEY = '__draft';

interface DiscussionProps {
  wide: boolean;
  article: Article;
  classified: ClassifiedThreads;
  activeId: string | null;
  onToggle(threadId: string, expanded: boolean): void;
  tab: DiscussionTab;
  onTab(tab: DiscussionTab): void;
  draft: OffsetRange | null;
  onPostDraft(body: string, stance: Stance | null): Promise<void>;
  onCancelDraft(): void;
  actions: CommentActions;
  bodyRef: RefObject<HTMLElement | null>;
  drawerOpen: boolean;
  onCloseDrawer(): void;
  /** A thread to focus when its card appears (just posted). */
  focusThreadId: string | null;
  /** Where readers disagree, and opening a divided passage's threads. */
  contested: ReturnType<typeof useContestedPassages>;
  onOpenPassage(threadId: string): void;
}

/** The panel of the chosen tab. */
function TabPanel(props: DiscussionProps & { threads: 'aligned' | 'stacked' }) {
  if (props.tab === 'disagree') return <ContestedView contested={props.contested} onOpen={props.onOpenPassage} />;
  if (props.tab === 'orphaned') return <OrphanedThreads {...props} />;
  return props.threads === 'aligned' ? <AlignedThreads {...props} /> : <StackedThreads {...props} />;
}

/** What an empty margin says; a closed discussion does not invite new threads. */
const noThreadsNote = (readOnly: boolean | undefined): string =>
  readOnly ? 'No passage threads.' : 'No passage threads yet. Select any text to start one.';

/** Threads on passages: a margin beside the text on wide screens, a drawer on narrow ones. */
export function Discussion(props: DiscussionProps) {
  const { wide, classified, tab, onTab } = props;
  const counts = {
    text: classified.anchored.length,
    orphaned: classified.orphaned.length,
    disagree: props.contested.passages?.length ?? null,
  };

  if (wide) {
    return (
      <aside className="margin" aria-labelledby="margin-heading">
        <h2 id="margin-heading" className="visually-hidden">
          Discussion in the margin
        </h2>
        <DiscussionTabs idPrefix="margin" tab={tab} onChange={onTab} counts={counts}>
          <TabPanel {...props} threads="aligned" />
        </DiscussionTabs>
      </aside>
    );
  }
  return (
    <Drawer open={props.drawerOpen} onClose={props.onCloseDrawer} id="discussion-drawer" labelledBy="drawer-heading">
      <div className="drawer-header">
        <h2 id="drawer-heading">Discussion</h2>
        <button type="button" className="button button-ghost" onClick={props.onCloseDrawer}>
          Close<span className="visually-hidden"> discussion</span>
        </button>
      </div>
      {props.draft && (
        <DraftCard
          text={props.article.revision.text}
          start={props.draft.start}
          end={props.draft.end}
          onPost={props.onPostDraft}
          onCancel={props.onCancelDraft}
        />
      )}
      <DiscussionTabs idPrefix="drawer" tab={tab} onChange={onTab} counts={counts}>
        <TabPanel {...props} threads="stacked" />
      </DiscussionTabs>
    </Drawer>
  );
}

/** Wide layout: cards level with their passages, the draft composer among them. */
function AlignedThreads({
  classified,
  draft,
  bodyRef,
  activeId,
  onToggle,
  actions,
  article,
  onPostDraft,
  onCancelDraft,
  focusThreadId,
}: DiscussionProps) {
  const columnRef = useRef<HTMLDivElement>(null);
  const ranges = useMemo<MeasuredRange[]>(() => {
    const list = classified.anchored.map((t) => ({ key: t.id, start: t.anchor.start, end: t.anchor.end }));
    if (draft) list.push({ key: DRAFT_KEY, start: draft.start, end: draft.end });
    return list;
  }, [classified.anchored, draft]);
  const tops = useAnchorTops(bodyRef, columnRef, ranges, true);

  const entries: MarginEntry[] = [];
  for (const thread of classified.anchored) {
    const anchorTop = tops[thread.id];
    if (anchorTop === undefined) continue;
    entries.push({
      key: thread.id,
      anchorTop,
      render: (ref, style) => (
        <ThreadCard
          key={thread.id}
          ref={ref}
          style={style}
          thread={thread}
          expanded={thread.id === activeId}
          onToggle={onToggle}
          actions={actions}
          showQuote={false}
          autoFocus={thread.id === focusThreadId}
        />
      ),
    });
  }
  if (draft && tops[DRAFT_KEY] !== undefined) {
    entries.push({
      key: DRAFT_KEY,
      anchorTop: tops[DRAFT_KEY],
      render: (ref, style) => (
        <DraftCard
          key={DRAFT_KEY}
          ref={ref}
          style={style}
          text={article.revision.text}
          start={draft.start}
          end={draft.end}
          onPost={onPostDraft}
          onCancel={onCancelDraft}
        />
      ),
    });
  }

  return (
    <>
      {classified.anchored.length === 0 && !draft && <p className="empty-note">{noThreadsNote(actions.readOnly)}</p>}
      <MarginColumn ref={columnRef} entries={entries} activeKey={draft ? DRAFT_KEY : activeId} />
    </>
  );
}

/** Narrow layout: a plain list in the drawer, the active thread expanded and scrolled to. */
function StackedThreads({ classified, activeId, onToggle, actions, drawerOpen, focusThreadId }: DiscussionProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const [order, setOrder] = useState<DiscussionOrder>('position');
  const sorted = useMemo(() => sortThreads(classified.anchored, order), [classified.anchored, order]);
  useEffect(() => {
    if (!drawerOpen || !activeId) return;
    findThreadElement(listRef.current, activeId)?.scrollIntoView?.({ block: 'nearest' });
  }, [drawerOpen, activeId]);
  if (classified.anchored.length === 0) {
    return <p className="empty-note">{noThreadsNote(actions.readOnly)}</p>;
  }
  return (
    <div ref={listRef} className="thread-stack">
      {sorted.length > 1 && (
        <SortSelect value={order} options={['position', 'newest', 'oldest', 'reactions']} onChange={setOrder} />
      )}
      {sorted.map((thread) => (
        <ThreadCard
          key={thread.id}
          thread={thread}
          expanded={thread.id === activeId}
          onToggle={onToggle}
          actions={actions}
          showQuote
          autoFocus={thread.id === focusThreadId}
        />
      ))}
    </div>
  );
}

function OrphanedThreads({ classified, activeId, onToggle, actions }: DiscussionProps) {
  const [order, setOrder] = useState<DiscussionOrder>('oldest');
  const sorted = useMemo(() => sortThreads(classified.orphaned, order), [classified.orphaned, order]);
  if (classified.orphaned.length === 0) {
    return (
      <p className="empty-note">
        No orphaned threads. When a revision removes a discussed passage, its thread is kept here with the original
        quote.
      </p>
    );
  }
  return (
    <div className="thread-stack">
      {sorted.length > 1 && (
        <SortSelect value={order} options={['oldest', 'newest', 'reactions']} onChange={setOrder} />
      )}
      {sorted.map((thread: Thread) => (
        <ThreadCard
          key={thread.id}
          thread={thread}
          expanded={thread.id === activeId}
          onToggle={onToggle}
          actions={actions}
          showQuote
          orphaned
        />
      ))}
    </div>
  );
}
