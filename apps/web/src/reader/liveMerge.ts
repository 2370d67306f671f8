/**
 * Applying a freshly fetched discussion to what the reader is looking at without moving the
 * page under them: changes to comments already on screen (status, edits, reactions, removals)
 * apply at once, the reader's own comments always do, and comments from others that are new
 * are held back and counted, for a "3 new comments" button that reveals them.
 */
import type { Comment, Thread } from '../api/types.ts';

export interface LiveMerge {
  threads: Thread[];
  /** New comments from others in `fetched` that are not shown yet. */
  hidden: number;
}

export function mergeLive(current: readonly Thread[], fetched: readonly Thread[]): LiveMerge {
  const shown = new Set<string>();
  const ownByThread = new Map<string, Comment[]>();
  for (const thread of current) {
    for (const c of thread.comments) {
      shown.add(c.id);
      if (c.isOwn) ownByThread.set(thread.id, [...(ownByThread.get(thread.id) ?? []), c]);
    }
  }

  let hidden = 0;
  const threads: Thread[] = [];
  const seenThreads = new Set<string>();
  for (const thread of fetched) {
    seenThreads.add(thread.id);
    const kept = thread.comments.filter((c) => shown.has(c.id) || c.isOwn);
    const held = thread.comments.length - kept.length;
    hidden += held;
    // The reader's own comments that the fetch raced past (posted while it was in flight).
    const fetchedIds = new Set(thread.comments.map((c) => c.id));
    const missingOwn = (ownByThread.get(thread.id) ?? []).filter((c) => !fetchedIds.has(c.id));
    const comments = missingOwn.length > 0 ? [...kept, ...missingOwn] : kept;
    if (comments.length === 0) continue;
    threads.push(
      held === 0 && missingOwn.length === 0
        ? thread
        : { ...thread, comments, commentCount: Math.max(comments.length, thread.commentCount - held) },
    );
  }
  // A thread of the reader's own that the fetch did not include yet stays where it is.
  for (const thread of current) {
    if (!seenThreads.has(thread.id) && ownByThread.has(thread.id)) threads.push(thread);
  }
  return { threads, hidden };
}

/** Number of visible comments across threads (for the article's counters). */
export function countComments(threads: readonly Thread[]): number {
  return threads.reduce((n, t) => n + t.comments.filter((c) => c.status !== 'DELETED').length, 0);
}
