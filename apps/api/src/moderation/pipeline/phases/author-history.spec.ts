import type { UserRole } from '../types.js';
import { makeContext } from '../../../../test/support/pipeline-context.js';
import { authorHistory } from './author-history.js';

const check = (recentTotal: number, recentRejected: number, role: UserRole = 'READER') => {
  const ctx = makeContext({ author: { recentTotal, recentRejected, role } });
  return { decision: authorHistory(ctx), scores: ctx.scores };
};

describe('authorHistory phase', () => {
  it('holds a comment when most of the author’s recent comments were rejected', () => {
    const { decision, scores } = check(4, 3);
    expect(decision).toEqual({
      status: 'HELD',
      reason: 'AUTHOR_HISTORY',
      detail: '3 of 4 comments rejected in the last 30 days',
    });
    expect(scores.history).toEqual({ total: 4, rejected: 3, rejectionRate: 0.75 });
  });

  it('does not hold at exactly the maximum rejection rate', () => {
    expect(check(4, 2).decision).toBeUndefined();
  });

  it('does not judge an author on too few comments', () => {
    const { decision, scores } = check(2, 2);
    expect(decision).toBeUndefined();
    expect(scores.history).toEqual({ total: 2, rejected: 2, rejectionRate: 1 });
  });

  it('uses the configured thresholds', () => {
    const ctx = makeContext({
      author: { recentTotal: 10, recentRejected: 2 },
      settings: { history: { maxRejectionRate: 0.1, minComments: 10 } },
    });
    expect(authorHistory(ctx)).toMatchObject({ reason: 'AUTHOR_HISTORY' });
  });

  it.each([
    [0, 0],
    [12, 0],
  ])('leaves no score for %i recent comments with %i rejected', (total, rejected) => {
    const { decision, scores } = check(total, rejected);
    expect(decision).toBeUndefined();
    expect(scores).toEqual({});
  });

  it.each(['MODERATOR', 'ADMIN'] as const)('skips %s authors', (role) => {
    const { decision, scores } = check(10, 10, role);
    expect(decision).toBeUndefined();
    expect(scores).toEqual({});
  });
});
