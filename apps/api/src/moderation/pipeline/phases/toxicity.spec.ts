import { DEFAULT_MODERATION_SETTINGS, type ToxicitySettings } from '../settings.js';
import { makeContext } from '../../../../test/support/pipeline-context.js';
import { toxicity, toxicityMatcher } from './toxicity.js';

const check = (body: string, config: Partial<ToxicitySettings> = {}) => {
  const ctx = makeContext({ comment: { body }, settings: { toxicity: config } });
  return { decision: toxicity(ctx), scores: ctx.scores };
};

describe('toxicity phase', () => {
  it('holds a toxic comment by default and records the matched terms', () => {
    const { decision, scores } = check('You are a bastard and this is shit.');
    expect(decision).toEqual({ status: 'HELD', reason: 'TOXIC', detail: 'bastard, shit' });
    expect(scores.toxicity).toEqual({ terms: ['bastard', 'shit'] });
  });

  it('rejects a toxic comment when configured to', () => {
    expect(check('what a bastard', { action: 'REJECTED' }).decision).toMatchObject({
      status: 'REJECTED',
      reason: 'TOXIC',
    });
  });

  it('sees through leetspeak and stretched letters', () => {
    expect(check('sh1t').scores.toxicity).toEqual({ terms: ['shit'] });
    expect(check('fuuuuuck').scores.toxicity).toEqual({ terms: ['fuck'] });
  });

  it('does not flag place names containing a bad word', () => {
    expect(check('I grew up near Scunthorpe, then moved to Essex.').decision).toBeUndefined();
  });

  it('lets an allow-listed word through in every spelling', () => {
    expect(check('what a bastard, a b4st4rd', { allowList: ['Bastard'] }).decision).toBeUndefined();
  });

  it('lets an allow-listed phrase through but still flags the word elsewhere', () => {
    const allowList = ['Dick  Cheney'];
    expect(check('Dick Cheney was vice president.', { allowList }).decision).toBeUndefined();
    expect(check('Dick Cheney was a dick.', { allowList }).scores.toxicity).toEqual({ terms: ['dick'] });
  });

  it('does nothing when disabled', () => {
    const { decision, scores } = check('this is shit', { enabled: false });
    expect(decision).toBeUndefined();
    expect(scores).toEqual({});
  });

  it('lets a clean comment through', () => {
    expect(check('A careful, civil disagreement.').decision).toBeUndefined();
  });

  it('builds the matcher once per settings object', () => {
    const config = DEFAULT_MODERATION_SETTINGS.toxicity;
    expect(toxicityMatcher(config)).toBe(toxicityMatcher(config));
    expect(toxicityMatcher({ ...config })).not.toBe(toxicityMatcher(config));
  });
});
