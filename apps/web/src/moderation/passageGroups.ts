import type { ModerationItem } from './types.ts';

export interface PassageGroup {
  key: string;
  article: ModerationItem['article'];
  /** The passage's text, or null for comments on the article as a whole. */
  quote: string | null;
  items: ModerationItem[];
}

/**
 * The queue's comments grouped by the passage they discuss (same article, same quoted text;
 * comments on the article as a whole form one group per article), largest group first, and
 * within a group in queue order. Pure; the console's keyboard order follows it.
 */
export function groupByPassage(items: readonly ModerationItem[]): PassageGroup[] {
  const groups = new Map<string, PassageGroup>();
  for (const item of items) {
    const quote = item.passage?.exact ?? null;
    const key = `${item.article.id}|${quote ?? ''}`;
    const group = groups.get(key);
    if (group) group.items.push(item);
    else groups.set(key, { key, article: item.article, quote, items: [item] });
  }
  // Map order is first appearance: a stable tie-break for groups of the same size.
  return [...groups.values()].sort((a, b) => b.items.length - a.items.length);
}
