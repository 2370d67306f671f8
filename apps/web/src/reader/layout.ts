/**
 * Margin layout: every thread card would like to sit level with its passage, but cards may
 * not overlap. Cards keep the document order of their anchors; when two compete, the later
 * one is pushed down. If an `activeIndex` is given, that card is pinned to its anchor and
 * the cards above it are pushed up instead (the way a focused comment behaves in a word
 * processor), so the thread being read always lines up with its passage.
 *
 * Pure: takes anchor tops and card heights (same index = same thread) and returns the card
 * tops in input order. Tops never go below 0, the top of the margin column.
 */
export function layoutThreads(
  anchorTops: readonly number[],
  heights: readonly number[],
  gap: number,
  activeIndex?: number,
): number[] {
  const n = anchorTops.length;
  const order = [...anchorTops.keys()].sort((a, b) => anchorTops[a]! - anchorTops[b]! || a - b);
  const height = (i: number): number => Math.max(0, heights[i] ?? 0);
  const tops = new Array<number>(n).fill(0);

  const pinned = activeIndex !== undefined && activeIndex >= 0 && activeIndex < n ? order.indexOf(activeIndex) : -1;
  const first = pinned === -1 ? 0 : pinned;

  // Downward pass from the pinned card (or from the top): push later cards down.
  let floor = -Infinity;
  for (let k = first; k < n; k++) {
    const i = order[k]!;
    const top = Math.max(anchorTops[i]!, floor, k === 0 ? 0 : -Infinity);
    tops[i] = top;
    floor = top + height(i) + gap;
  }

  // Upward pass above the pinned card: pull earlier cards up so they end above it.
  if (pinned > 0) {
    let ceiling = tops[order[pinned]!]! - gap;
    for (let k = pinned - 1; k >= 0; k--) {
      const i = order[k]!;
      const top = Math.min(anchorTops[i]!, ceiling - height(i));
      tops[i] = top;
      ceiling = top - gap;
    }
    // Not enough room above: shift everything down rather than overlap the column's top.
    const overshoot = -tops[order[0]!]!;
    if (overshoot > 0) for (let i = 0; i < n; i++) tops[i]! += overshoot;
  }
  return tops;
}
