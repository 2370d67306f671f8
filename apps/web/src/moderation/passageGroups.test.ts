import { describe, expect, it } from 'vitest';
import { groupByPassage } from './passageGroups.ts';
import type { ModerationItem } from './types.ts';

const item = (id: string, articleId: string, quote: string | null): ModerationItem =>
  ({
    id,
    article: { id: articleId, slug: articleId, title: `Article ${articleId}` },
    passage: quote === null ? null : { exact: quote, before: '', after: '', current: true, status: 'ANCHORED' },
  }) as unknown as ModerationItem;

describe('groupByPassage', () => {
  it('groups by article and quoted passage, largest group first, queue order within a group', () => {
    const groups = groupByPassage([
      item('1', 'a', 'the harbour'),
      item('2', 'a', 'the quay'),
      item('3', 'b', 'the harbour'),
      item('4', 'a', 'the quay'),
      item('5', 'a', null),
      item('6', 'a', 'the quay'),
    ]);
    expect(groups.map((g) => [g.quote, g.article.id, g.items.map((i) => i.id)])).toEqual([
      ['the quay', 'a', ['2', '4', '6']],
      ['the harbour', 'a', ['1']],
      ['the harbour', 'b', ['3']],
      [null, 'a', ['5']],
    ]);
  });

  it('is empty for an empty queue', () => {
    expect(groupByPassage([])).toEqual([]);
  });
});
