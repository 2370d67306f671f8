import { contestedScore } from './contested-score.js';

describe('contestedScore', () => {
  it('scores unanimity 0, however many people agree', () => {
    expect(contestedScore({ agree: 100, disagree: 0, participants: 100, maxDepth: 3 })).toBe(0);
    expect(contestedScore({ agree: 0, disagree: 0, participants: 5, maxDepth: 0 })).toBe(0);
  });

  it('ranks an even split above a lopsided one with more people', () => {
    const even = contestedScore({ agree: 3, disagree: 3, participants: 6, maxDepth: 0 });
    const lopsided = contestedScore({ agree: 20, disagree: 1, participants: 21, maxDepth: 0 });
    expect(even).toBeGreaterThan(lopsided);
  });

  it('grows with participants and with reply depth, up to a cap', () => {
    const base = { agree: 2, disagree: 2, participants: 4, maxDepth: 0 };
    expect(contestedScore({ ...base, participants: 8 })).toBeGreaterThan(contestedScore(base));
    expect(contestedScore({ ...base, maxDepth: 2 })).toBeGreaterThan(contestedScore(base));
    expect(contestedScore({ ...base, maxDepth: 40 })).toBe(contestedScore({ ...base, maxDepth: 4 }));
    expect(contestedScore({ ...base, maxDepth: 4 })).toBeCloseTo(2 * contestedScore(base));
  });
});
