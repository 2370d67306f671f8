import { makeContext } from '../../../../test/support/pipeline-context.js';
import { repeatPost } from './repeat-post.js';

const BODY = 'I think the author misreads the second study; the sample was tiny.';

const check = (body: string, recentBodies: string[], options: { isEdit?: boolean; repeatSimilarity?: number } = {}) => {
  const ctx = makeContext({
    comment: { body, isEdit: options.isEdit ?? false },
    author: { recentBodies },
    settings: options.repeatSimilarity === undefined ? {} : { repeatSimilarity: options.repeatSimilarity },
  });
  return { decision: repeatPost(ctx), scores: ctx.scores };
};

describe('repeatPost phase', () => {
  it('rejects a comment identical to a recent one by the same author', () => {
    const { decision, scores } = check(BODY, ['Something else entirely.', BODY]);
    expect(decision).toEqual({
      status: 'REJECTED',
      reason: 'REPEAT_POST',
      detail: '100% similar to a comment posted in the last 10 minutes',
    });
    expect(scores.repeat).toEqual({ similarity: 1 });
  });

  it('rejects a repeat that only changes whitespace, case and punctuation', () => {
    const variant = `  i THINK the author   misreads the second study -- the sample was tiny!!\n`;
    expect(check(variant, [BODY]).decision).toMatchObject({ reason: 'REPEAT_POST' });
  });

  it('rejects a near-duplicate with a small edit', () => {
    const edited = BODY.replace('tiny', 'very tiny');
    expect(check(edited, [BODY]).decision).toMatchObject({ reason: 'REPEAT_POST' });
  });

  it('lets a different comment through but records the closest similarity', () => {
    const { decision, scores } = check('Thanks, the follow-up piece answers my question.', [BODY]);
    expect(decision).toBeUndefined();
    expect(scores.repeat?.similarity).toBeLessThan(0.5);
  });

  it('uses the configured similarity threshold', () => {
    const related = 'I think the author misreads the first study; the sample was huge.';
    expect(check(related, [BODY]).decision).toBeUndefined();
    expect(check(related, [BODY], { repeatSimilarity: 0.6 }).decision).toMatchObject({ reason: 'REPEAT_POST' });
  });

  it('does not compare an edit with the previous versions', () => {
    const { decision, scores } = check(BODY, [BODY], { isEdit: true });
    expect(decision).toBeUndefined();
    expect(scores.repeat).toBeUndefined();
  });

  it('does nothing without recent comments', () => {
    const { decision, scores } = check(BODY, []);
    expect(decision).toBeUndefined();
    expect(scores).toEqual({});
  });
});
