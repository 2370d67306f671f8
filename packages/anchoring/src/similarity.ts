/**
 * Similarity of expected context (a selector's prefix/suffix) to the text
 * actually found next to a candidate match.
 *
 * Unlike a plain substring search, the alignment is anchored on the side that
 * touches the quote: a prefix must end right where the candidate starts and a
 * suffix must start right where it ends. Only the far end is free, so that
 * insertions/deletions inside the context cost what they should and a
 * coincidental match further away does not count as context.
 */

let rowA: Int32Array = new Int32Array(256);
let rowB: Int32Array = new Int32Array(256);
let patternCodes: Uint16Array = new Uint16Array(128);
let textCodes: Uint16Array = new Uint16Array(256);

/**
 * Copies `length` code units of `s` into a reusable buffer, walking from
 * `from` in direction `dir` (reading s[from-1], s[from-2]... when -1), so
 * the DP inner loops below are branch-free array reads.
 */
function loadCodes(buffer: Uint16Array, s: string, from: number, dir: 1 | -1, length: number): Uint16Array {
  const out = buffer.length >= length ? buffer : new Uint16Array(Math.max(length, buffer.length * 2));
  if (dir === 1) for (let k = 0; k < length; k++) out[k] = s.charCodeAt(from + k);
  else for (let k = 0; k < length; k++) out[k] = s.charCodeAt(from - 1 - k);
  return out;
}

function ensureRows(n: number): void {
  if (rowA.length < n + 1) {
    rowA = new Int32Array(Math.max(n + 1, rowA.length * 2));
    rowB = new Int32Array(rowA.length);
  }
}

/**
 * Semi-global edit distance DP over pre-loaded codes: rows are pattern
 * units, columns text units. Row 0 is `freeStart ? 0 : j` (whether the text
 * side may begin anywhere). Leaves the last row in `rowA`/`rowB` and
 * returns it.
 */
function runDp(p: Uint16Array, m: number, t: Uint16Array, n: number, freeStart: boolean): Int32Array {
  ensureRows(n);
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = freeStart ? 0 : j;
  for (let i = 1; i <= m; i++) {
    const pc = p[i - 1] as number;
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const sub = (prev[j - 1] as number) + (pc === t[j - 1] ? 0 : 1);
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    const tmp = prev;
    prev = cur;
    cur = tmp;
  }
  return prev;
}

/**
 * Anchored edit distance between `expected` and the text of `hay` read from
 * `at` in direction `dir` (+1 forwards; -1 backwards, reading hay[at-1],
 * hay[at-2], ... and expected from its end). The text side may stop anywhere
 * within `window` units.
 */
function anchoredDistance(expected: string, hay: string, at: number, dir: 1 | -1, window: number): number {
  const m = expected.length;
  const n = window;
  patternCodes = loadCodes(patternCodes, expected, dir === 1 ? 0 : m, dir, m);
  textCodes = loadCodes(textCodes, hay, at, dir, n);
  const last = runDp(patternCodes, m, textCodes, n, false);
  let best = m;
  for (let j = 0; j <= n; j++) {
    const v = last[j] as number;
    if (v < best) best = v;
  }
  return best;
}

/**
 * Edit distance between `expected` and the text just before (`side` =
 * 'before') or just after (`side` = 'after') UTF-16 index `at` in `hay`,
 * anchored at `at` and free at the far end.
 */
export function anchoredEditDistance(expected: string, hay: string, at: number, side: 'before' | 'after'): number {
  const m = expected.length;
  if (m === 0) return 0;
  // Allow the actual context to be somewhat longer than expected so that
  // insertions inside it are charged as edits rather than truncation.
  const slack = (m >> 2) + 2;
  if (side === 'before') {
    if (hay.endsWith(expected, at)) return 0;
    const window = Math.min(at, m + slack);
    return window === 0 ? m : anchoredDistance(expected, hay, at, -1, window);
  }
  if (hay.startsWith(expected, at)) return 0;
  const window = Math.min(hay.length - at, m + slack);
  return window === 0 ? m : anchoredDistance(expected, hay, at, 1, window);
}

/**
 * 0..1 similarity of `expected` to the text just before (`side` = 'before')
 * or just after (`side` = 'after') UTF-16 index `at` in `hay`.
 */
export function contextSimilarity(expected: string, hay: string, at: number, side: 'before' | 'after'): number {
  const m = expected.length;
  if (m === 0) return 1;
  return Math.max(0, 1 - anchoredEditDistance(expected, hay, at, side) / m);
}

/**
 * Cheap proxy used only to pre-select among very many identical candidates:
 * how many units of expected context match verbatim next to `at`.
 */
export function verbatimContextLength(expected: string, hay: string, at: number, side: 'before' | 'after'): number {
  let k = 0;
  if (side === 'before') {
    while (
      k < expected.length &&
      at - k - 1 >= 0 &&
      expected.charCodeAt(expected.length - 1 - k) === hay.charCodeAt(at - k - 1)
    ) {
      k++;
    }
  } else {
    while (k < expected.length && at + k < hay.length && expected.charCodeAt(k) === hay.charCodeAt(at + k)) {
      k++;
    }
  }
  return k;
}

/**
 * For every boundary p in [lo, hi] at once: the edit distance between
 * `expected` and the best text span ending at p (`side` = 'before') or
 * starting at p (`side` = 'after'). One dynamic-programming pass with a free
 * far end replaces (hi - lo + 1) separate anchoredEditDistance calls.
 */
export function edgeDistances(
  expected: string,
  hay: string,
  lo: number,
  hi: number,
  side: 'before' | 'after',
): Int32Array {
  const m = expected.length;
  const count = hi - lo + 1;
  const out = new Int32Array(count);
  if (m === 0 || count <= 0) return out;
  const reach = m + (m >> 2) + 2;
  // Columns walk from the free far end towards the anchored boundaries:
  // forwards for text before a boundary, backwards (with the pattern
  // reversed) for text after it.
  const forward = side === 'before';
  const first = forward ? Math.max(0, lo - reach) : Math.min(hay.length, hi + reach);
  const n = forward ? hi - first : first - lo;
  const dir = forward ? 1 : -1;
  patternCodes = loadCodes(patternCodes, expected, forward ? 0 : m, dir, m);
  textCodes = loadCodes(textCodes, hay, first, dir, n);
  const last = runDp(patternCodes, m, textCodes, n, true);
  for (let p = lo; p <= hi; p++) {
    out[p - lo] = last[forward ? p - first : first - p] as number;
  }
  return out;
}
