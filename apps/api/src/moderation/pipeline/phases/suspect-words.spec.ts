import { makeContext } from '../../../../test/support/pipeline-context.js';
import { suspectWords } from './suspect-words.js';

const check = (body: string) => makeContext({ comment: { body }, settings: { suspectWords: ['idiot', 'shill'] } });

describe('suspectWords phase', () => {
  it('holds a comment with a suspect word and records it', () => {
    const ctx = check('Only an idiot would write this.');
    expect(suspectWords(ctx)).toEqual({ status: 'HELD', reason: 'SUSPECT_WORD', detail: 'idiot' });
    expect(ctx.scores.suspectWords).toEqual(['idiot']);
  });

  it('sees through leetspeak and spacing like banned words do', () => {
    expect(suspectWords(check('1d10t'))).toMatchObject({ reason: 'SUSPECT_WORD' });
    expect(suspectWords(check('s h i l l'))).toMatchObject({ reason: 'SUSPECT_WORD' });
  });

  it('ignores the word inside a longer word', () => {
    expect(suspectWords(check('The idiotypic variation in shillings.'))).toBeUndefined();
  });

  it('lets a clean comment through without scores', () => {
    const ctx = check('A fair point, well made.');
    expect(suspectWords(ctx)).toBeUndefined();
    expect(ctx.scores).toEqual({});
  });
});
