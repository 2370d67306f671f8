import { makeContext } from '../../../../test/support/pipeline-context.js';
import { userPremod } from './user-premod.js';

describe('userPremod phase', () => {
  it('holds a comment when the author is on pre-moderation', () => {
    expect(userPremod(makeContext({ author: { premod: true } }))).toEqual({ status: 'HELD', reason: 'USER_PREMOD' });
  });

  it('lets an author without the flag through', () => {
    expect(userPremod(makeContext({ author: { premod: false } }))).toBeUndefined();
  });

  it('skips moderators and admins', () => {
    expect(userPremod(makeContext({ author: { premod: true, role: 'MODERATOR' } }))).toBeUndefined();
    expect(userPremod(makeContext({ author: { premod: true, role: 'ADMIN' } }))).toBeUndefined();
  });
});
