/**
 * Boundary refinement for approximate matches.
 *
 * The approximate search gets the region right but not always the exact
 * edges: when several start points cost the same it picks the longest
 * match, so a quote whose first word was replaced can come back as
 * ". Monks copied…" instead of "Monks copied…". We re-decide each edge
 * locally, using the quote's own head/tail together with the selector's
 * prefix/suffix, which pin down where the passage should begin and end.
 */
import type { Candidate } from './scoring.js';
import { edgeDistances } from './similarity.js';
import { isWhitespaceCode } from './whitespace.js';

/** How far (UTF-16 units) an edge may move. */
const MAX_SHIFT = 8;
/** Quote head/tail length compared at each edge. */
const EDGE_LENGTH = 32;

interface EdgeInput {
  hay: string;
  quote: string;
  prefix: string | undefined;
  suffix: string | undefined;
}

function isWordStart(hay: string, i: number): boolean {
  return (i === 0 || isWhitespaceCode(hay.charCodeAt(i - 1))) && !isWhitespaceCode(hay.charCodeAt(i));
}

function isWordEnd(hay: string, i: number): boolean {
  return (i === hay.length || isWhitespaceCode(hay.charCodeAt(i))) && !isWhitespaceCode(hay.charCodeAt(i - 1));
}

/**
 * Picks the lowest-cost position in [lo, hi] (costs[p - lo]); ties prefer
 * word boundaries, then the position closest to `original`.
 */
function bestEdge(lo: number, original: number, costs: Int32Array, atBoundary: (p: number) => boolean): number {
  let best = original;
  let bestCost = costs[original - lo] as number;
  let bestBoundary = atBoundary(original);
  for (let k = 0; k < costs.length; k++) {
    const p = lo + k;
    if (p === original) continue;
    const c = costs[k] as number;
    const b = atBoundary(p);
    const better =
      c < bestCost ||
      (c === bestCost && b && !bestBoundary) ||
      (c === bestCost && b === bestBoundary && Math.abs(p - original) < Math.abs(best - original));
    if (better) {
      best = p;
      bestCost = c;
      bestBoundary = b;
    }
  }
  return best;
}

function sum(a: Int32Array, b: Int32Array | undefined): Int32Array {
  if (b) for (let k = 0; k < a.length; k++) a[k] = (a[k] as number) + (b[k] as number);
  return a;
}

export function refineEdges(c: Candidate, input: EdgeInput): Candidate {
  const { hay, quote, prefix, suffix } = input;
  const edge = Math.min(EDGE_LENGTH, quote.length);
  const head = quote.slice(0, edge);
  const tail = quote.slice(quote.length - edge);
  // Keep the match from collapsing: each edge may move at most a quarter
  // of the quote length inwards.
  const limit = Math.min(MAX_SHIFT, quote.length >> 2);

  // Start: the quote's head should follow it and the prefix precede it.
  const sLo = Math.max(0, c.start - limit);
  const sHi = Math.min(c.end - 1, c.start + limit);
  const startCosts = sum(
    edgeDistances(head, hay, sLo, sHi, 'after'),
    prefix ? edgeDistances(prefix, hay, sLo, sHi, 'before') : undefined,
  );
  const start = bestEdge(sLo, c.start, startCosts, (p) => isWordStart(hay, p));

  // End: the quote's tail should precede it and the suffix follow it.
  const eLo = Math.max(start + 1, c.end - limit);
  const eHi = Math.min(hay.length, c.end + limit);
  if (c.end < eLo) return { ...c, start };
  const endCosts = sum(
    edgeDistances(tail, hay, eLo, eHi, 'before'),
    suffix ? edgeDistances(suffix, hay, eLo, eHi, 'after') : undefined,
  );
  const end = bestEdge(eLo, c.end, endCosts, (p) => isWordEnd(hay, p));
  return { ...c, start, end };
}
