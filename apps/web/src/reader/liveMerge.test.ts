import { describe, expect, it } from 'vitest';
import { comment, thread } from '../test/fixtures.ts';
import { countComments, mergeLive } from './liveMerge.ts';

describe('mergeLive', () => {
  it('applies changes to comments on screen at once and holds back others’ new comments', () => {
    const shown = [thread('t1')];
    const fetched = [
      thread('t1', {
        commentCount: 2,
        comments: [
          comment('t1-c1', 't1', { bodyHtml: '<p>edited</p>', editedAt: '2024-05-02T00:00:00Z' }),
          comment('t1-c2', 't1', { parentId: 't1-c1' }),
        ],
      }),
      thread('t2'),
    ];
    const merged = mergeLive(shown, fetched);
    expect(merged.hidden).toBe(2);
    expect(merged.threads).toHaveLength(1);
    expect(merged.threads[0]!.comments.map((c) => c.bodyHtml)).toEqual(['<p>edited</p>']);
    expect(merged.threads[0]!.commentCount).toBe(1);
  });

  it('always shows the reader’s own comments, including ones the fetch raced past', () => {
    const own = comment('t9-c1', 't9', { isOwn: true, status: 'PENDING' });
    const shown = [thread('t1'), thread('t9', { comments: [own] })];
    const fetchedOwn = comment('t1-c2', 't1', { isOwn: true, status: 'PENDING' });
    const fetched = [thread('t1', { comments: [comment('t1-c1', 't1'), fetchedOwn], commentCount: 2 })];
    const merged = mergeLive(shown, fetched);
    expect(merged.hidden).toBe(0);
    expect(merged.threads.map((t) => t.id)).toEqual(['t1', 't9']);
    expect(merged.threads[0]!.comments.map((c) => c.id)).toEqual(['t1-c1', 't1-c2']);
  });

  it('drops what disappeared (rejected or deleted by moderators)', () => {
    const merged = mergeLive([thread('t1'), thread('t2')], [thread('t2')]);
    expect(merged.threads.map((t) => t.id)).toEqual(['t2']);
    expect(merged.hidden).toBe(0);
  });

  it('counts visible comments', () => {
    expect(countComments([thread('t1'), thread('t2', { comments: [comment('x', 't2', { status: 'DELETED' })] })])).toBe(
      1,
    );
  });
});
