import { makeContext } from '../../../../test/support/pipeline-context.js';
import { premod } from './premod.js';

describe('premod phase', () => {
  it('holds a comment on a pre-moderated article', () => {
    expect(premod(makeContext({ article: { premod: true } }))).toEqual({
      status: 'HELD',
      reason: 'PREMOD',
      detail: 'article',
    });
  });

  it('holds every comment when the whole site is pre-moderated', () => {
    expect(premod(makeContext({ settings: { premodAll: true } }))).toEqual({
      status: 'HELD',
      reason: 'PREMOD',
      detail: 'site',
    });
  });

  it('lets a comment through when neither is pre-moderated', () => {
    expect(premod(makeContext())).toBeUndefined();
  });

  it('skips moderators and admins', () => {
    const overrides = { article: { premod: true }, settings: { premodAll: true } };
    expect(premod(makeContext({ ...overrides, author: { role: 'MODERATOR' } }))).toBeUndefined();
    expect(premod(makeContext({ ...overrides, author: { role: 'ADMIN' } }))).toBeUndefined();
  });
});
