/** Passages (threads) sorted by start, grouped where they overlap: one group is one passage of the text. */
export function mergeOverlapping<T extends { start: number; end: number }>(sorted: readonly T[]): T[][] {
  const groups: T[][] = [];
  let end = -1;
  for (const thread of sorted) {
    const last = groups[groups.length - 1];
    if (last && thread.start < end) {
      last.push(thread);
      end = Math.max(end, thread.end);
    } else {
      groups.push([thread]);
      end = thread.end;
    }
  }
  return groups;
}
