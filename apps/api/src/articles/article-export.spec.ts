import { exportComments, type CommentRow } from './article-export.service.js';

const AT = new Date('2024-03-01T12:00:00Z');

function row(id: string, over: Partial<CommentRow> = {}): CommentRow {
  return {
    id,
    threadId: 't1',
    parentId: null,
    status: 'PUBLISHED',
    legacyAuthor: null,
    legacyNumber: null,
    legacyPostedAt: null,
    createdAt: AT,
    bodySource: id,
    author: { displayName: 'Rae' },
    ...over,
  };
}

/** [number, parentNumber, body] in bundle order. */
const shape = (rows: CommentRow[]) =>
  exportComments(rows, [], 'rev', 'text').map((c) => [c.number, c.parentNumber, c.bodyMarkdown]);

describe('numbering exported comments', () => {
  it('numbers a native parent before its reply when their posting times tie and the reply sorts first', () => {
    // (createdAt, id) order: the reply's id is smaller, so it comes first.
    const rows = [
      row('legacy', { legacyNumber: 1, legacyAuthor: 'Old', createdAt: new Date('2020-01-01T00:00:00Z') }),
      row('a-reply', { parentId: 'z-opener' }),
      row('z-opener'),
    ];
    expect(shape(rows)).toEqual([
      [1, undefined, 'legacy'],
      [2, undefined, 'z-opener'],
      [3, 2, 'a-reply'],
    ]);
  });

  it('numbers a reply to a held comment after its nearest published ancestor', () => {
    const rows = [
      row('a-reply', { parentId: 'b-held' }),
      row('b-held', { parentId: 'c-opener', status: 'HELD' }),
      row('c-opener'),
    ];
    expect(shape(rows)).toEqual([
      [1, undefined, 'c-opener'],
      [2, 1, 'a-reply'],
    ]);
  });

  it('keeps legacy numbers, parents first in the array, even when a reply carries the lower number', () => {
    const rows = [
      row('reply', { legacyNumber: 2, legacyAuthor: 'B', parentId: 'opener' }),
      row('opener', { legacyNumber: 5, legacyAuthor: 'A' }),
      row('native'),
    ];
    expect(shape(rows)).toEqual([
      [5, undefined, 'opener'],
      [2, 5, 'reply'],
      [6, undefined, 'native'],
    ]);
  });
});
