import { makeContext } from '../../../../test/support/pipeline-context.js';
import { approve } from './approve.js';

describe('approve phase', () => {
  it('publishes whatever reaches it', () => {
    expect(approve(makeContext({ article: { premod: true } }))).toEqual({
      status: 'PUBLISHED',
      reason: 'APPROVED_BY_PIPELINE',
    });
  });
});
