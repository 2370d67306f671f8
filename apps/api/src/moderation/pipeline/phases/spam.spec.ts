import type { ModerationSettings } from '../settings.js';
import { makeContext, type DeepPartial } from '../../../../test/support/pipeline-context.js';
import { isShouting, longestRun, spam } from './spam.js';

const check = (body: string, settings: DeepPartial<ModerationSettings> = {}) => {
  const ctx = makeContext({ comment: { body }, settings });
  return { decision: spam(ctx), scores: ctx.scores };
};

describe('spam phase', () => {
  it('holds a comment with a long run of one character and records a spam score', () => {
    const { decision, scores } = check(`Best deal ever${'!'.repeat(20)}`);
    expect(decision).toEqual({ status: 'HELD', reason: 'SPAM', detail: 'repeated-characters' });
    expect(scores.spam).toEqual({ score: 0.5, signals: ['repeated-characters'] });
  });

  it('tolerates runs up to the configured length, numbers and code', () => {
    expect(check(`So${'o'.repeat(11)} good`).decision).toBeUndefined(); // a run of 12
    expect(check('It cost 1000000000000000 dollars.').decision).toBeUndefined();
    expect(check('Table:\n\n```\n==============================\n```').decision).toBeUndefined();
  });

  it('can switch the repeated-character check off', () => {
    expect(check('a'.repeat(50), { spam: { maxRepeatedCharRun: 0 } }).decision).toBeUndefined();
  });

  it('holds a shouting comment', () => {
    const { decision } = check('THIS ARTICLE IS A DISGRACE AND EVERYONE SHOULD KNOW IT');
    expect(decision).toEqual({ status: 'HELD', reason: 'SPAM', detail: 'shouting' });
  });

  it('does not treat a short all-caps comment as shouting', () => {
    expect(check('OMG YES, TIL!').decision).toBeUndefined();
  });

  it('does not treat acronyms in normal prose as shouting', () => {
    expect(
      check('NASA and the ESA published the JWST data in the NYT and the WSJ last week.').decision,
    ).toBeUndefined();
  });

  it('holds a comment with a known spam phrase, even disguised', () => {
    expect(check('Cl1ck   HERE for a surprise').decision).toEqual({
      status: 'HELD',
      reason: 'SPAM',
      detail: 'phrase:click here',
    });
  });

  it('holds a comment that is mostly links', () => {
    const { decision } = check('https://a.example/1 https://b.example/2 wow');
    expect(decision).toMatchObject({ reason: 'SPAM', detail: 'link-density' });
  });

  it('does not count a couple of links in real prose as link stuffing', () => {
    const body = 'The original study (https://a.example/1) and its replication (https://b.example/2) disagree.';
    expect(check(body).decision).toBeUndefined();
  });

  it('adds signals up to a score of 1', () => {
    const { scores } = check(`BUY NOW AND CLICK HERE FOR THE BEST PRICES${'!'.repeat(20)}`);
    expect(scores.spam).toEqual({
      score: 1,
      signals: ['repeated-characters', 'shouting', 'phrase:buy now', 'phrase:click here'],
    });
  });

  it('records the score without holding below the hold score', () => {
    const { decision, scores } = check('click here', { spam: { holdScore: 1 } });
    expect(decision).toBeUndefined();
    expect(scores.spam).toEqual({ score: 0.5, signals: ['phrase:click here'] });
  });

  it('leaves no score on an ordinary comment', () => {
    expect(check('A measured reply with one source: https://a.example').scores).toEqual({});
  });
});

describe('longestRun', () => {
  it('measures the longest run of a repeated non-space, non-digit character', () => {
    expect(longestRun('abc')).toBe(1);
    expect(longestRun('heyyyy!!')).toBe(4);
    expect(longestRun('a        b 0000000')).toBe(1);
    expect(longestRun('')).toBe(0);
  });
});

describe('isShouting', () => {
  const config = { shoutingRatio: 0.7, shoutingMinLetters: 10 };

  it('compares the share of uppercase among cased letters with the ratio', () => {
    expect(isShouting('ABCDEFGhij', config)).toBe(true);
    expect(isShouting('ABCDEFghij', config)).toBe(false);
  });

  it('ignores uncased scripts and bodies with too few letters', () => {
    expect(isShouting('ABCDEFGHI', config)).toBe(false);
    expect(isShouting('這是一個很長的評論 ABCDEFGHI', config)).toBe(false);
  });
});
