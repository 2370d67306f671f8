import { parsePlainText } from '../plain/plain-text.js';
import type { ParsedArticle } from '../types.js';
import { parseLegacyTimestamp } from './dates.js';
import { nameDistance, nameVariants } from './names.js';

const ARTICLE = [
  'A Small Article Title',
  '',
  'The first paragraph says that the harbour bridge was finished in 1932 after eight years of work by thousands of people.',
  '',
  'The second paragraph says that “nobody expected the tolls to pay for it” and that they did anyway, much to everyone’s surprise.',
  '',
  '3 Comments To "A Small Article Title"',
].join('\n');

function withComments(...comments: [author: string, body: string][]): ParsedArticle {
  const text = comments
    .map(([author, body], i) => `#${i + 1} Comment By ${author} On 25 Mar 2024 @ ${i + 1}:06 pm\n\n${body}\n`)
    .join('\n');
  return parsePlainText(`${ARTICLE}\n\n${text}`);
}

describe('threading legacy comments', () => {
  it('anchors a quote despite different quote marks, case, punctuation and spacing', () => {
    const parsed = withComments([
      'Ann',
      '"The HARBOUR bridge was finished in 1932 -- after eight years of work" is wrong.',
    ]);
    expect(parsed.comments[0]?.anchor?.exact).toBe('the harbour bridge was finished in 1932 after eight years of work');
  });

  it('anchors a quote with an elided middle and one with a typo', () => {
    const elided = withComments(['Ann', '“The first paragraph says … by thousands of people.”']).comments[0]?.anchor;
    expect(elided?.exact).toBe(
      'The first paragraph says that the harbour bridge was finished in 1932 after eight years of work by thousands of people.',
    );
    const typo = withComments([
      'Ann',
      '“the harbour bridge was finishd in 1932 after eight years of work by thousands of people”',
    ]).comments[0]?.anchor;
    expect(typo?.exact).toBe(
      'the harbour bridge was finished in 1932 after eight years of work by thousands of people',
    );
  });

  it('ignores scare quotes and quotes that are in neither the article nor a comment', () => {
    const parsed = withComments(
      ['Ann', 'This “reset” talk is silly.'],
      ['Bob', '“Something nobody in this page ever wrote down anywhere.”'],
    );
    expect(parsed.comments.map((comment) => [comment.anchor, comment.parentNumber])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
  });

  it('prefers the comment whose own words are quoted over one that only quoted them', () => {
    const parsed = withComments(
      ['Ann', 'Bridges like this one always cost twice the estimate in the end.'],
      ['Bob', '“Bridges like this one always cost twice the estimate in the end.” Not always.'],
      ['Cy', '“Bridges like this one always cost twice the estimate” — source?'],
    );
    expect(parsed.comments[2]?.parentNumber).toBe(1);
  });

  it('replies to @Name, Name:, Name, and Name (above), with small misspellings', () => {
    const parsed = withComments(
      ['Jonathan Smith', 'First!'],
      ['Maria Gonzales', 'Second.'],
      ['X', '@Jonathon Smith you are wrong.'],
      ['Y', 'Maria Gonzalez: agreed.'],
      ['Z', 'Jonathan, what do you mean?'],
      ['W', 'Maria (above) has it.'],
    );
    expect(parsed.comments.map((comment) => comment.parentNumber)).toEqual([undefined, undefined, 1, 2, 1, 2]);
  });

  it('does not treat ordinary openings, unknown names or the article author as replies', () => {
    const parsed = withComments(
      ['Paul', 'Nice piece.'],
      ['Ann', 'Mr. Larison, you miss the point.'],
      ['Bob', 'Paulo said nothing here.'],
      ['Cy', 'In general, I agree.'],
    );
    expect(parsed.comments.map((comment) => comment.parentNumber)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('replies to the latest earlier comment of the addressed author, never to oneself', () => {
    const parsed = withComments(
      ['Ann', 'One.'],
      ['Ann', 'Two.'],
      ['Bob', '@Ann which one?'],
      ['Cy', 'Unrelated.'],
      ['Ann', 'Ann: talking to myself.'],
    );
    expect(parsed.comments.map((comment) => comment.parentNumber)).toEqual([
      undefined,
      undefined,
      2,
      undefined,
      undefined,
    ]);
  });

  it('treats an answer right after being addressed as a rejoinder, but only then', () => {
    const parsed = withComments(
      ['Ann', 'A claim.'],
      ['Bob', 'Ann: a rebuttal.'],
      ['Ann', 'A rejoinder.'],
      ['Ann', 'Another thought.'],
    );
    expect(parsed.comments.map((comment) => comment.parentNumber)).toEqual([undefined, 1, 2, undefined]);
  });

  it('lets a reply win over an article quote, keeping the quote', () => {
    const parsed = withComments(
      ['Ann', 'Hello.'],
      ['Bob', '@Ann “nobody expected the tolls to pay for it” — they did.'],
    );
    expect(parsed.comments[1]).toMatchObject({ parentNumber: 1, quote: 'nobody expected the tolls to pay for it' });
    expect(parsed.comments[1]?.anchor).toBeUndefined();
  });

  it('warns when the announced comment count does not match', () => {
    const parsed = withComments(['Ann', 'Only one.']);
    expect(parsed.warnings).toEqual(['The page announces 3 comments but 1 were found.']);
  });
});

describe('name matching', () => {
  it('uses a normalised edit distance', () => {
    expect(nameDistance('michealkenny', 'michaelkenny')).toBeCloseTo(1 / 12);
    expect(nameDistance('cornell', 'cornel')).toBeCloseTo(1 / 7);
    expect(nameDistance('craigsummers', 'craigsummers')).toBe(0);
    expect(nameDistance('paul', 'paula')).toBe(Number.POSITIVE_INFINITY);
    expect(nameDistance('johnson', 'jackson')).toBe(Number.POSITIVE_INFINITY);
  });

  it('drops honorifics and offers first names, surnames only after an honorific', () => {
    expect(nameVariants('Dr. Bill Wedin', false)).toEqual(['billwedin', 'bill']);
    expect(nameVariants('Dr. Bill Wedin', true)).toEqual(['billwedin', 'bill', 'wedin']);
    expect(nameVariants('craigsummers', false)).toEqual(['craigsummers']);
  });
});

describe('legacy timestamps', () => {
  it.each([
    ['December 6, 2017', '11:18 pm', '2017-12-06T23:18:00.000Z'],
    ['25 Mar 2024', '5:06 pm', '2024-03-25T17:06:00.000Z'],
    ['25 Mar 2024', '12:05 am', '2024-03-25T00:05:00.000Z'],
    ['Mar 25th, 2024', '12:05 pm', '2024-03-25T12:05:00.000Z'],
    ['2024-03-25', '17:06', '2024-03-25T17:06:00.000Z'],
    ['Sept. 1, 2020', '9:00 a.m.', '2020-09-01T09:00:00.000Z'],
  ])('reads "%s @ %s" as UTC', (date, time, iso) => {
    expect(parseLegacyTimestamp(date, time)).toBe(iso);
  });

  it.each([
    ['February 30, 2024', '1:00 pm'],
    ['Smarch 3, 2024', '1:00 pm'],
    ['3 Mar 2024', '13:00 pm'],
    ['3 Mar 2024', '25:00'],
  ])('rejects "%s @ %s"', (date, time) => {
    expect(parseLegacyTimestamp(date, time)).toBeNull();
  });

  it('keeps an unreadable timestamp importable and warns about it', () => {
    const parsed = parsePlainText(
      'Title line\n\nSome article text here.\n\n#1 Comment By A On 1 Jan 2020 @ 1:00 pm\n\nOne\n\n#2 Comment By B On Feb 30, 2020 @ 1:00 pm\n\nTwo',
    );
    expect(parsed.comments.map((comment) => comment.postedAt)).toEqual([
      '2020-01-01T13:00:00.000Z',
      '2020-01-01T13:00:00.000Z',
    ]);
    expect(parsed.warnings).toEqual([
      'Comment #2: could not read the date "Feb 30, 2020 @ 1:00 pm"; used the previous comment\'s time.',
    ]);
  });
});
