import { describe, reanchorAll, type ReanchorResult } from '@marginalia/anchoring';
import type { AnchorStatus } from '../generated/prisma/enums.js';
import type { StoredAnchorJson } from '../comments/thread.reader.js';

/** An anchored thread as the re-anchoring job reads it. */
export interface AnchoredThread {
  id: string;
  /** Last place the passage was found; for an orphan, where it was last seen. */
  anchor: StoredAnchorJson;
  /** The revision the thread was last processed for (an orphan's differs from its anchor's). */
  revisionId: string | null;
}

/** The new anchor columns of one thread. */
export interface ThreadAnchorUpdate {
  id: string;
  fromRevisionId: string | null;
  anchor: StoredAnchorJson;
  status: AnchorStatus;
  score: number | null;
  start: number | null;
  /** The anchoring outcome, finer than the stored status (EXACT and MOVED are both ANCHORED). */
  outcome: ReanchorResult['status'];
}

/**
 * Moves threads onto a new revision. Threads are grouped by the revision their anchor
 * was last found in, and each group goes through one `reanchorAll` diff of that text.
 * An orphan keeps its last known anchor (so a later revision that restores the passage
 * can find it again) and has no position in the new text.
 */
export function planReanchor(
  threads: readonly AnchoredThread[],
  texts: ReadonlyMap<string, string>,
  target: { id: string; text: string },
): ThreadAnchorUpdate[] {
  const bySource = new Map<string, AnchoredThread[]>();
  for (const thread of threads) {
    const group = bySource.get(thread.anchor.revisionId) ?? [];
    group.push(thread);
    bySource.set(thread.anchor.revisionId, group);
  }
  const updates: ThreadAnchorUpdate[] = [];
  for (const [sourceId, group] of bySource) {
    const anchors = group.map((t) => ({ id: t, position: t.anchor.position, quote: t.anchor.quote }));
    // A source text that is gone cannot be diffed; the quote search alone still runs.
    const oldText = texts.get(sourceId) ?? '';
    for (const result of reanchorAll(oldText, target.text, anchors)) {
      updates.push(toUpdate(result.id, result, target));
    }
  }
  return updates;
}

function toUpdate(
  thread: AnchoredThread,
  result: ReanchorResult<AnchoredThread>,
  target: { id: string; text: string },
): ThreadAnchorUpdate {
  const base = { id: thread.id, fromRevisionId: thread.revisionId, outcome: result.status };
  if (result.status === 'ORPHANED') {
    return { ...base, anchor: thread.anchor, status: 'ORPHANED', score: null, start: null };
  }
  const described = describe(target.text, result.start, result.end);
  return {
    ...base,
    anchor: { revisionId: target.id, position: described.position, quote: described.quote },
    status: result.status === 'FUZZY' ? 'FUZZY' : 'ANCHORED',
    score: result.score,
    start: result.start,
  };
}
