import { toResult } from './anchor.js';
import { computeDiff, DEFAULT_DIFF_TIMEOUT_MS, mapPositions } from './diff.js';
import { locate } from './locate.js';
import { prepareText, type TextInput } from './prepared-text.js';
import type { ReanchorOptions, ReanchorResult, StoredAnchor } from './types.js';
import { assertPositionShape, assertQuote, resolveMinScore } from './validate.js';

/**
 * Re-anchors every annotation of an old revision onto a new revision.
 *
 * One diff is computed for the whole text and all anchor offsets are swept
 * through it at once. An anchor whose mapped range still reads exactly its
 * quote is kept (EXACT when its offsets are unchanged, MOVED otherwise);
 * the rest fall back to the per-anchor search of anchor(), seeded with the
 * mapped offset as a hint. Output order matches input order.
 */
export function reanchorAll<Id = string>(
  oldText: TextInput,
  newText: TextInput,
  anchors: readonly StoredAnchor<Id>[],
  options: ReanchorOptions = {},
): ReanchorResult<Id>[] {
  if (!Array.isArray(anchors)) throw new TypeError('anchors must be an array');
  const minScore = resolveMinScore(options.minScore);
  const timeoutMs = options.diffTimeoutMs ?? DEFAULT_DIFF_TIMEOUT_MS;
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0)) {
    throw new RangeError(`diffTimeoutMs must be a positive number, got ${String(timeoutMs)}`);
  }
  const oldDoc = prepareText(oldText);
  const newDoc = prepareText(newText);

  // Old UTF-16 ranges of anchors that are consistent with the old text;
  // -1 marks anchors whose stored position is stale or out of range, which
  // cannot be mapped and go straight to the search.
  const n = anchors.length;
  const oldStarts = new Int32Array(n).fill(-1);
  const oldEnds = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const a = anchors[i] as StoredAnchor<Id>;
    const label = `anchors[${i}] (id ${String(a.id)})`;
    assertQuote(a.quote, `${label}.quote`);
    assertPositionShape(a.position, `${label}.position`);
    if (a.position.end > oldDoc.length) continue;
    const s16 = oldDoc.index.toUtf16(a.position.start);
    const e16 = oldDoc.index.toUtf16(a.position.end);
    if (e16 - s16 === a.quote.exact.length && oldDoc.text.startsWith(a.quote.exact, s16)) {
      oldStarts[i] = s16;
      oldEnds[i] = e16;
    }
  }

  // Identical revisions (the common "re-save without changes" case) need no diff.
  const mapped =
    oldDoc.text === newDoc.text
      ? { starts: oldStarts, ends: oldEnds }
      : mapPositions(computeDiff(oldDoc.text, newDoc.text, timeoutMs), oldStarts, oldEnds);

  const results: ReanchorResult<Id>[] = new Array<ReanchorResult<Id>>(n);
  for (let i = 0; i < n; i++) {
    const a = anchors[i] as StoredAnchor<Id>;
    const s16 = mapped.starts[i] as number;
    const e16 = mapped.ends[i] as number;
    const exact = a.quote.exact;
    if (s16 >= 0 && e16 - s16 === exact.length && newDoc.text.startsWith(exact, s16)) {
      const start = newDoc.index.toCodePoint(s16);
      const end = newDoc.index.toCodePoint(e16);
      const same = start === a.position.start && end === a.position.end;
      results[i] = { id: a.id, status: same ? 'EXACT' : 'MOVED', start, end, score: 1 };
      continue;
    }
    const hint16 = s16 >= 0 ? s16 : newDoc.index.toUtf16(Math.min(a.position.start, newDoc.length));
    const found = locate(newDoc, a.quote, hint16, minScore);
    results[i] = { id: a.id, ...toResult(newDoc, found, a.position) };
  }
  return results;
}
