import { makeContext } from '../../../../test/support/pipeline-context.js';
import { bannedWords } from './banned-words.js';

const BANNED = ['badword', 'ass', 'buy followers'];
const check = (body: string, list: string[] = BANNED) =>
  bannedWords(makeContext({ comment: { body }, settings: { bannedWords: list } }));

describe('bannedWords phase', () => {
  it('rejects a comment containing a banned word and records it', () => {
    const ctx = makeContext({ comment: { body: 'What a badword thing to say.' }, settings: { bannedWords: BANNED } });
    expect(bannedWords(ctx)).toEqual({ status: 'REJECTED', reason: 'BANNED_WORD', detail: 'badword' });
    expect(ctx.scores.bannedWords).toEqual(['badword']);
  });

  it('matches regardless of case', () => {
    expect(check('BadWord!')).toMatchObject({ reason: 'BANNED_WORD' });
  });

  it.each([
    ['spaced out', 'you b a d w o r d'],
    ['dotted', 'b.a.d.w.o.r.d'],
    ['hyphenated', 'b-a-d-w-o-r-d'],
    ['leetspeak', 'total b4dw0rd here'],
    ['leetspeak and spacing', 'b 4 d w 0 r d'],
    ['fullwidth letters', 'ｂａｄｗｏｒｄ'],
    ['accented letters', 'bádwörd'],
    ['zero-width characters', 'bad\u200Bword'],
  ])('sees through an obfuscated banned word (%s)', (_label, body) => {
    expect(check(body)).toMatchObject({ status: 'REJECTED', reason: 'BANNED_WORD', detail: 'badword' });
  });

  it.each(['class', 'assessment', 'bass guitar', 'badwordsmith'])('respects word boundaries (%s)', (body) => {
    expect(check(body)).toBeUndefined();
  });

  it('does not join letters across ordinary words', () => {
    // "an al" must not read as "anal": spacing only counts between every letter.
    expect(check('an alpaca, an al dente dish', ['anal'])).toBeUndefined();
    expect(check('a n a l', ['anal'])).toMatchObject({ reason: 'BANNED_WORD' });
  });

  it('matches multi-word phrases with any spacing', () => {
    expect(check('Buy   followers today')).toMatchObject({ detail: 'buy followers' });
    expect(check('buy-followers.example')).toMatchObject({ detail: 'buy followers' });
  });

  it('reports every banned word found, in list order', () => {
    const ctx = makeContext({ comment: { body: 'ass and badword' }, settings: { bannedWords: BANNED } });
    expect(bannedWords(ctx)).toMatchObject({ detail: 'badword, ass' });
    expect(ctx.scores.bannedWords).toEqual(['badword', 'ass']);
  });

  it('finds banned words hidden in markdown', () => {
    expect(check('[click](https://example.com/badword)')).toMatchObject({ reason: 'BANNED_WORD' });
  });

  it('does nothing when no word is banned', () => {
    const ctx = makeContext({ comment: { body: 'badword' }, settings: { bannedWords: [] } });
    expect(bannedWords(ctx)).toBeUndefined();
    expect(ctx.scores).toEqual({});
  });
});
