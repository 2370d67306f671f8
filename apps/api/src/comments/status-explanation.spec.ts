import { MODERATION_REASONS } from '../moderation/pipeline/types.js';
import { rejectionReason } from '../moderation/decisions/reasons.js';
import { statusExplanation } from './status-explanation.js';

describe('status explanations', () => {
  it('explains every reason the pipeline can store, except approvals', () => {
    const unexplained = MODERATION_REASONS.filter((r) => r !== 'APPROVED_BY_PIPELINE' && !statusExplanation(r));
    expect(unexplained).toEqual([]);
  });

  it('explains a moderator’s rejection by its category', () => {
    expect(statusExplanation(rejectionReason('SPAM'))).toBe('A moderator removed your comment as spam.');
    expect(statusExplanation(rejectionReason(null))).toBe('A moderator removed your comment.');
  });

  it('gives nothing for unknown or missing codes, and nothing inherited from objects', () => {
    expect(statusExplanation('SOMETHING_NEW')).toBeNull();
    expect(statusExplanation(null)).toBeNull();
    expect(statusExplanation('toString')).toBeNull();
  });
});
