import { makeContext } from '../../../../test/support/pipeline-context.js';
import { authorStatus } from './author-status.js';

describe('authorStatus phase', () => {
  it('rejects a comment when the author is banned', () => {
    expect(authorStatus(makeContext({ author: { status: 'BANNED' } }))).toEqual({
      status: 'REJECTED',
      reason: 'AUTHOR_BANNED',
    });
  });

  it('rejects a comment when the author is suspended', () => {
    expect(authorStatus(makeContext({ author: { status: 'SUSPENDED' } }))).toEqual({
      status: 'REJECTED',
      reason: 'AUTHOR_SUSPENDED',
    });
  });

  it('lets an active author through', () => {
    expect(authorStatus(makeContext({ author: { status: 'ACTIVE' } }))).toBeUndefined();
  });

  it('applies to moderators and admins too', () => {
    expect(authorStatus(makeContext({ author: { status: 'BANNED', role: 'ADMIN' } }))).toMatchObject({
      reason: 'AUTHOR_BANNED',
    });
    expect(authorStatus(makeContext({ author: { status: 'SUSPENDED', role: 'MODERATOR' } }))).toMatchObject({
      reason: 'AUTHOR_SUSPENDED',
    });
  });
});
