import { FLAGGED, queueChanges, queuesOf, type QueueState } from './queue-membership.js';

const state = (overrides: Partial<QueueState>): QueueState => ({
  status: 'PUBLISHED',
  statusReason: 'APPROVED_BY_PIPELINE',
  openFlagCount: 0,
  reviewedAt: null,
  ...overrides,
});

describe('queuesOf', () => {
  it('puts a comment the pipeline published in Unmoderated', () => {
    expect(queuesOf(state({}))).toEqual(['UNMODERATED']);
  });

  it('puts a comment a moderator approved in Approved', () => {
    expect(queuesOf(state({ reviewedAt: new Date() }))).toEqual(['APPROVED']);
  });

  it('adds Reported for a published comment with open flags', () => {
    expect(queuesOf(state({ openFlagCount: 1 }))).toEqual(['REPORTED', 'UNMODERATED']);
  });

  it('puts a held comment in Pending, unless flags hid it, which is Reported only', () => {
    expect(queuesOf(state({ status: 'HELD', statusReason: 'PREMOD' }))).toEqual(['PENDING']);
    expect(queuesOf(state({ status: 'HELD', statusReason: null }))).toEqual(['PENDING']);
    expect(queuesOf(state({ status: 'HELD', statusReason: FLAGGED, openFlagCount: 3 }))).toEqual(['REPORTED']);
  });

  it('keeps pending (not yet moderated) and deleted comments out of every queue', () => {
    expect(queuesOf(state({ status: 'PENDING' }))).toEqual([]);
    expect(queuesOf(state({ status: 'DELETED', openFlagCount: 2 }))).toEqual([]);
    expect(queuesOf(null)).toEqual([]);
  });

  it('puts rejected comments in Rejected', () => {
    expect(queuesOf(state({ status: 'REJECTED', statusReason: 'TOXIC' }))).toEqual(['REJECTED']);
  });
});

describe('queueChanges', () => {
  it('reports the queues entered and left', () => {
    expect(
      queueChanges(
        state({ status: 'HELD', statusReason: FLAGGED, openFlagCount: 3 }),
        state({ reviewedAt: new Date() }),
      ),
    ).toEqual({ entered: ['APPROVED'], left: ['REPORTED'] });
    expect(queueChanges(state({ status: 'PENDING' }), state({}))).toEqual({ entered: ['UNMODERATED'], left: [] });
  });

  it('reports nothing when membership does not change', () => {
    expect(queueChanges(state({ openFlagCount: 1 }), state({ openFlagCount: 2 }))).toEqual({ entered: [], left: [] });
  });
});
