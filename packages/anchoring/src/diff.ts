/**
 * One old→new diff per revision pair, and a single sorted sweep that maps
 * many offsets through it.
 *
 * A character-level diff-match-patch run is O(N·D): on a 100k-char article
 * with 2% of words edited that is ~90 ms, and ~1.5 s at 10%. We therefore
 * use diff-match-patch's "word mode" technique: every distinct token (a run
 * of non-whitespace plus its trailing whitespace) is encoded as one UTF-16
 * unit, the encoded strings are diffed, and the result is decoded back to
 * text. That is ~5x fewer units and ~5x faster, and equalities are whole
 * words, which is the granularity annotations care about. Semantic cleanup
 * then merges coincidental tiny equalities between edits.
 */
import { cleanupSemantic, DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, makeDiff, type Diff } from '@sanity/diff-match-patch';

export type { Diff };

export const DEFAULT_DIFF_TIMEOUT_MS = 500;

const TOKEN = /\S+\s*|\s+/g;
/** Token codes skip the surrogate block so dmp never treats them as pairs. */
const SURROGATE_START = 0xd800;
const SURROGATE_SIZE = 0x800;
const MAX_TOKENS = 0xffff - SURROGATE_SIZE;

function codeFor(tokenIndex: number): number {
  const c = tokenIndex + 1; // keep U+0000 unused
  return c < SURROGATE_START ? c : c + SURROGATE_SIZE;
}

function indexFor(code: number): number {
  return (code < SURROGATE_START ? code : code - SURROGATE_SIZE) - 1;
}

class TokenTable {
  readonly tokens: string[] = [];
  private readonly codes = new Map<string, number>();

  /** Encoded form of `text`, or undefined when the vocabulary overflows. */
  encode(text: string): string | undefined {
    const out: number[] = [];
    for (const m of text.matchAll(TOKEN)) {
      const tok = m[0];
      let code = this.codes.get(tok);
      if (code === undefined) {
        if (this.tokens.length >= MAX_TOKENS) return undefined;
        code = codeFor(this.tokens.length);
        this.tokens.push(tok);
        this.codes.set(tok, code);
      }
      out.push(code);
    }
    let s = '';
    const CHUNK = 8192;
    for (let k = 0; k < out.length; k += CHUNK) {
      s += String.fromCharCode(...out.slice(k, k + CHUNK));
    }
    return s;
  }

  decode(encoded: string): string {
    let s = '';
    for (let i = 0; i < encoded.length; i++) {
      s += this.tokens[indexFor(encoded.charCodeAt(i))] as string;
    }
    return s;
  }
}

/** dmp takes seconds; a non-positive value there means "no deadline". */
function dmpTimeout(ms: number): number {
  return Number.isFinite(ms) ? ms / 1000 : -1;
}

/** Text-level diff of `oldText` → `newText` (UTF-16 based tuples). */
export function computeDiff(oldText: string, newText: string, timeoutMs = DEFAULT_DIFF_TIMEOUT_MS): Diff[] {
  if (oldText === newText) return oldText.length ? [[DIFF_EQUAL, oldText]] : [];
  const timeout = dmpTimeout(timeoutMs);
  const table = new TokenTable();
  const a = table.encode(oldText);
  const b = a === undefined ? undefined : table.encode(newText);
  let diffs: Diff[];
  if (a === undefined || b === undefined) {
    // Pathological vocabulary (> ~63k distinct tokens): plain dmp, which
    // still honours the deadline.
    diffs = makeDiff(oldText, newText, { timeout, checkLines: true });
  } else {
    diffs = makeDiff(a, b, { timeout, checkLines: false }).map(([op, enc]): Diff => [op, table.decode(enc)]);
  }
  return cleanupSemantic(diffs);
}

export interface MappedPositions {
  starts: Int32Array;
  ends: Int32Array;
}

function sortedOrder(values: Int32Array): Uint32Array {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((x, y) => (values[x] as number) - (values[y] as number));
}

/**
 * Maps UTF-16 offsets of the old text to the new text in one pass over the
 * diff (O(diff + k log k) for k offsets, instead of O(diff) per offset).
 * Entries of -1 are skipped and stay -1.
 *
 * Bias: a start at the boundary of an insertion maps after the inserted
 * text, an end maps before it, so text inserted right next to a passage is
 * not pulled into it. Offsets inside deleted text collapse to the deletion
 * point (callers detect that because the mapped text no longer matches).
 */
export function mapPositions(diffs: readonly Diff[], starts: Int32Array, ends: Int32Array): MappedPositions {
  const outStarts = new Int32Array(starts.length).fill(-1);
  const outEnds = new Int32Array(ends.length).fill(-1);
  const sOrder = sortedOrder(starts);
  const eOrder = sortedOrder(ends);
  let si = 0;
  let ei = 0;
  while (si < sOrder.length && (starts[sOrder[si] as number] as number) < 0) si++;
  while (ei < eOrder.length && (ends[eOrder[ei] as number] as number) < 0) ei++;

  let oldPos = 0;
  let newPos = 0;
  for (const [op, segment] of diffs) {
    const len = segment.length;
    if (op === DIFF_INSERT) {
      newPos += len;
      continue;
    }
    const oldEnd = oldPos + len;
    const shift = op === DIFF_EQUAL; // deleted text collapses to newPos
    for (; si < sOrder.length; si++) {
      const i = sOrder[si] as number;
      const p = starts[i] as number;
      if (p >= oldEnd) break; // starts use [oldPos, oldEnd)
      outStarts[i] = shift ? newPos + (p - oldPos) : newPos;
    }
    for (; ei < eOrder.length; ei++) {
      const i = eOrder[ei] as number;
      const p = ends[i] as number;
      if (p > oldEnd) break; // ends use (oldPos, oldEnd]
      outEnds[i] = shift ? newPos + (p - oldPos) : newPos;
    }
    oldPos = oldEnd;
    if (op === DIFF_EQUAL) newPos += len;
  }
  // Offsets at or past the end of the old text map to the end of the new one.
  for (; si < sOrder.length; si++) outStarts[sOrder[si] as number] = newPos;
  for (; ei < eOrder.length; ei++) outEnds[eOrder[ei] as number] = newPos;
  return { starts: outStarts, ends: outEnds };
}

/** Convenience single-offset mapping (xIndex semantics with start bias). */
export function mapOffset(diffs: readonly Diff[], offset: number): number {
  return mapPositions(diffs, Int32Array.of(offset), Int32Array.of(-1)).starts[0] as number;
}

export { DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT };
