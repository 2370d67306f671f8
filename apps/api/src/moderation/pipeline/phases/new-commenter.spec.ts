import { makeContext } from '../../../../test/support/pipeline-context.js';
import { newCommenter } from './new-commenter.js';

const check = (publishedCount: number, newCommenterHold: number, role: 'READER' | 'MODERATOR' | 'ADMIN' = 'READER') =>
  newCommenter(makeContext({ author: { publishedCount, role }, settings: { newCommenterHold } }));

describe('newCommenter phase', () => {
  it('holds the first comments of a new commenter', () => {
    expect(check(0, 3)).toEqual({
      status: 'HELD',
      reason: 'NEW_COMMENTER',
      detail: '0 published comments (first 3 are reviewed)',
    });
    expect(check(2, 3)).toMatchObject({ reason: 'NEW_COMMENTER' });
  });

  it('lets the author through once enough comments are published', () => {
    expect(check(3, 3)).toBeUndefined();
  });

  it('is off when set to 0', () => {
    expect(check(0, 0)).toBeUndefined();
  });

  it('skips moderators and admins', () => {
    expect(check(0, 3, 'MODERATOR')).toBeUndefined();
    expect(check(0, 3, 'ADMIN')).toBeUndefined();
  });
});
