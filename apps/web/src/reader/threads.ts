/** Sorting an article's threads into where they are shown. */
import type { Anchor, Comment, Thread } from '../api/types.ts';

export interface PlacedThread extends Thread {
  anchor: Anchor;
}

export interface ClassifiedThreads {
  /** Threads whose passage is located in the current revision, in text order. */
  anchored: PlacedThread[];
  /** Threads whose passage no longer exists; shown with their original quote. */
  orphaned: Thread[];
  /** Page-level comments (no passage). */
  page: Thread[];
}

export function classifyThreads(threads: readonly Thread[], revisionId: string): ClassifiedThreads {
  const result: ClassifiedThreads = { anchored: [], orphaned: [], page: [] };
  for (const thread of threads) {
    const status = thread.anchorStatus ?? thread.anchor?.status ?? null;
    const anchor = thread.anchor;
    if (anchor && status !== 'ORPHANED' && anchor.revisionId === revisionId && anchor.end > anchor.start) {
      result.anchored.push({ ...thread, anchor });
    } else if (anchor || status === 'ORPHANED' || thread.originalQuote) {
      // An anchor into another revision cannot be placed on this text; treat it as orphaned
      // rather than highlighting the wrong words.
      result.orphaned.push(thread);
    } else {
      result.page.push(thread);
    }
  }
  result.anchored.sort((a, b) => a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end);
  return result;
}

export interface CommentNode {
  comment: Comment;
  children: CommentNode[];
}

/** Nests a thread's flat, oldest-first comment list by parentId; lost parents become roots. */
export function buildCommentTree(comments: readonly Comment[]): CommentNode[] {
  const nodes = new Map<string, CommentNode>();
  for (const comment of comments) nodes.set(comment.id, { comment, children: [] });
  const roots: CommentNode[] = [];
  for (const comment of comments) {
    const node = nodes.get(comment.id)!;
    const parent = comment.parentId ? nodes.get(comment.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The quote to show for a thread: its anchor's exact text, else what it was created on. */
export function threadQuote(thread: Thread): string | null {
  return thread.anchor?.exact || thread.originalQuote || null;
}

export function findThreadOfComment(threads: readonly Thread[], commentId: string): Thread | undefined {
  return threads.find((t) => t.comments.some((c) => c.id === commentId));
}

/** The element rendered for a thread (its card), found without building a CSS selector from an id. */
export function findThreadElement(root: ParentNode | null, threadId: string): HTMLElement | null {
  if (!root) return null;
  for (const el of root.querySelectorAll<HTMLElement>('[data-thread-id]')) {
    if (el.dataset.threadId === threadId) return el;
  }
  return null;
}

export type DiscussionOrder = 'position' | 'newest' | 'oldest' | 'reactions';

export const ORDER_LABELS: Record<DiscussionOrder, string> = {
  position: 'In text order',
  oldest: 'Oldest first',
  newest: 'Newest first',
  reactions: 'Most reactions',
};

const reactionsOf = (comments: readonly Comment[]): number =>
  comments.reduce((n, c) => n + c.reactions.reduce((m, r) => m + r.count, 0), 0);
const postedAt = (comment: Comment | undefined): number => (comment ? Date.parse(comment.postedAt) || 0 : 0);

/** Threads in the reader's chosen order (stable; "position" keeps the given text order). */
export function sortThreads<T extends Thread>(threads: readonly T[], order: DiscussionOrder): T[] {
  const list = [...threads];
  switch (order) {
    case 'position':
      return list;
    case 'oldest':
      return list.sort((a, b) => postedAt(a.comments[0]) - postedAt(b.comments[0]));
    case 'newest':
      return list.sort((a, b) => Math.max(...b.comments.map(postedAt), 0) - Math.max(...a.comments.map(postedAt), 0));
    case 'reactions':
      return list.sort((a, b) => reactionsOf(b.comments) - reactionsOf(a.comments));
  }
}

/** Top-level comments in the chosen order; replies keep conversation order beneath them. */
export function sortCommentNodes(nodes: readonly CommentNode[], order: DiscussionOrder): CommentNode[] {
  const list = [...nodes];
  switch (order) {
    case 'position':
    case 'oldest':
      return list.sort((a, b) => postedAt(a.comment) - postedAt(b.comment));
    case 'newest':
      return list.sort((a, b) => postedAt(b.comment) - postedAt(a.comment));
    case 'reactions':
      return list.sort((a, b) => reactionsOf([b.comment]) - reactionsOf([a.comment]));
  }
}
