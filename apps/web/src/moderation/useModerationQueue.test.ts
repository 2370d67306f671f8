import { describe, expect, it } from 'vitest';
import type { ModerationEvent, ModerationItem } from './types.ts';
import { applyModerationEvent, type QueueState } from './useModerationQueue.ts';

const item = (id: string) => ({ id }) as ModerationItem;
const counts = { pending: 1, reported: 2, unmoderated: 3, approved: 4, rejected: 5 };
const state: QueueState = {
  status: 'ready',
  items: [item('a'), item('b')],
  counts: { pending: 9, reported: 9, unmoderated: 9, approved: 9, rejected: 9 },
  endCursor: null,
  hasMore: false,
  arrived: 0,
  error: null,
};
const event = (
  commentId: string,
  entered: ModerationEvent['entered'],
  left: ModerationEvent['left'],
): ModerationEvent => ({
  action: 'APPROVE',
  articleId: 'x',
  commentId,
  status: 'PUBLISHED',
  entered,
  left,
  counts,
});

describe('applyModerationEvent', () => {
  it('drops an item another moderator took out of this queue, and takes the new counts', () => {
    const next = applyModerationEvent(state, event('a', ['APPROVED'], ['PENDING']), 'PENDING', false);
    expect(next.items.map((i) => i.id)).toEqual(['b']);
    expect(next.counts).toEqual(counts);
  });

  it('counts arrivals instead of inserting them, once per item', () => {
    const next = applyModerationEvent(state, event('c', ['PENDING'], []), 'PENDING', false);
    expect(next.items).toHaveLength(2);
    expect(next.arrived).toBe(1);
    expect(applyModerationEvent(state, event('a', ['PENDING'], []), 'PENDING', false).arrived).toBe(0);
  });

  it('ignores other queues, and keeps its own counts when filtered by article', () => {
    const next = applyModerationEvent(state, event('a', ['REJECTED'], ['REPORTED']), 'PENDING', true);
    expect(next.items).toHaveLength(2);
    expect(next.counts).toBe(state.counts);
  });
});
