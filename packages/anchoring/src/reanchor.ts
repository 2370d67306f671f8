import { toResult } from './anchor.js';
import { computeDiff, DEFAULT_DIFF_TIMEOUT_MS, mapPositions, type Diff } from './diff.js';
import { locate } from './locate.js';
import { PreparedText, prepareText, type TextInput } from './prepared-text.js';
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
 *
 * A passage can occur more than once (a pull quote, a repeated sentence, a
 * passage quoted later). An anchor belongs to its own occurrence: in the
 * search, the other occurrences of its quote in the old text — followed
 * through the diff to wherever they are now — are masked out, so an edit of
 * the anchor's own occurrence finds it again (fuzzy) rather than the
 * untouched copy, and an anchor whose occurrence was cut is orphaned rather
 * than moved onto the copy.
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
  const diff = oldDoc.text === newDoc.text ? null : computeDiff(oldDoc.text, newDoc.text, timeoutMs);
  const mapped = diff === null ? { starts: oldStarts, ends: oldEnds } : mapPositions(diff, oldStarts, oldEnds);

  const results: ReanchorResult<Id>[] = new Array<ReanchorResult<Id>>(n);
  const searched: number[] = [];
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
    } else {
      searched.push(i);
    }
  }
  if (searched.length === 0) return results;

  const copies = otherCopies(oldDoc.text, diff, anchors, searched, oldStarts, oldEnds);
  for (const i of searched) {
    const a = anchors[i] as StoredAnchor<Id>;
    const s16 = mapped.starts[i] as number;
    const hint16 = s16 >= 0 ? s16 : newDoc.index.toUtf16(Math.min(a.position.start, newDoc.length));
    let found = locate(newDoc, a.quote, hint16, minScore);
    // Masking only takes candidates away: a match off every copy is the answer with or without
    // it, so the masked text (a second preparation) is only built when the match is on a copy.
    const mask = copies.get(i);
    if (found && mask?.some(([s, e]) => found!.start16 < e && found!.end16 > s)) {
      found = locate(new PreparedText(masked(newDoc.text, mask)), a.quote, hint16, minScore);
    }
    // The masked text has the same UTF-16 offsets; code points are counted on the real one.
    results[i] = { id: a.id, ...toResult(newDoc, found, a.position) };
  }
  return results;
}

/** UTF-16 ranges in the new text that hold other occurrences of an anchor's passage. */
type Ranges = Array<[number, number]>;

/**
 * For each searched anchor with a trusted old position: the other verbatim
 * occurrences of its quote in the old text, mapped through the diff to the
 * new text (one sweep for all of them). Copies the edit removed map to an
 * empty range and are left out.
 */
function otherCopies<Id>(
  oldText: string,
  diff: Diff[] | null,
  anchors: readonly StoredAnchor<Id>[],
  searched: readonly number[],
  oldStarts: Int32Array,
  oldEnds: Int32Array,
): Map<number, Ranges> {
  const owners: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const i of searched) {
    const own = oldStarts[i] as number;
    if (own < 0) continue; // its own occurrence is unknown: every occurrence is a candidate
    const exact = (anchors[i] as StoredAnchor<Id>).quote.exact;
    const ownEnd = oldEnds[i] as number;
    for (let at = oldText.indexOf(exact); at !== -1; at = oldText.indexOf(exact, at + 1)) {
      if (at < ownEnd && at + exact.length > own) continue; // its own (or overlapping it)
      owners.push(i);
      starts.push(at);
      ends.push(at + exact.length);
    }
  }
  const byAnchor = new Map<number, Ranges>();
  if (owners.length === 0) return byAnchor;
  const mappedCopies =
    diff === null
      ? { starts: Int32Array.from(starts), ends: Int32Array.from(ends) }
      : mapPositions(diff, Int32Array.from(starts), Int32Array.from(ends));
  for (let k = 0; k < owners.length; k++) {
    const s = mappedCopies.starts[k] as number;
    const e = mappedCopies.ends[k] as number;
    if (s < 0 || e <= s) continue;
    const owner = owners[k] as number;
    const list = byAnchor.get(owner) ?? [];
    list.push([s, e]);
    byAnchor.set(owner, list);
  }
  return byAnchor;
}

/** The text with the given ranges blanked out (same length, so offsets stay valid). */
function masked(text: string, ranges: Ranges): string {
  let out = '';
  let at = 0;
  for (const [s, e] of [...ranges].sort((x, y) => x[0] - y[0])) {
    if (e <= at) continue;
    const from = Math.max(s, at);
    out += text.slice(at, from) + '\u0000'.repeat(e - from);
    at = e;
  }
  return out + text.slice(at);
}
