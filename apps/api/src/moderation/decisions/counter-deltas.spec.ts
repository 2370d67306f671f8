import { counterDeltas } from './counter-deltas.js';

describe('counterDeltas', () => {
  it('counts a comment entering PUBLISHED on its thread and its author', () => {
    expect(counterDeltas('PENDING', 'PUBLISHED')).toEqual({ thread: 1, authorPublished: 1, authorRejected: 0 });
    expect(counterDeltas('HELD', 'PUBLISHED')).toEqual({ thread: 1, authorPublished: 1, authorRejected: 0 });
  });

  it('uncounts a published comment that is hidden or rejected', () => {
    expect(counterDeltas('PUBLISHED', 'HELD')).toEqual({ thread: -1, authorPublished: -1, authorRejected: 0 });
    expect(counterDeltas('PUBLISHED', 'REJECTED')).toEqual({ thread: -1, authorPublished: -1, authorRejected: 1 });
  });

  it('moves a rejected comment that is approved from one author count to the other', () => {
    expect(counterDeltas('REJECTED', 'PUBLISHED')).toEqual({ thread: 1, authorPublished: 1, authorRejected: -1 });
  });

  it('changes nothing when the status stays or moves between hidden statuses', () => {
    expect(counterDeltas('PUBLISHED', 'PUBLISHED')).toEqual({ thread: 0, authorPublished: 0, authorRejected: 0 });
    expect(counterDeltas('PENDING', 'HELD')).toEqual({ thread: 0, authorPublished: 0, authorRejected: 0 });
  });
});
