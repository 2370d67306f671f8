import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ImportArticleInput } from './import-article.input.js';

const problems = (input: object): Record<string, string[]> =>
  Object.fromEntries(
    validateSync(plainToInstance(ImportArticleInput, input)).map((e) => [
      e.property,
      Object.values(e.constraints ?? {}),
    ]),
  );

describe('an import input', () => {
  it('takes exactly one source', () => {
    expect(problems({ text: 'Hello' })).toEqual({});
    expect(problems({ url: 'https://example.org/post', slug: 'post' })).toEqual({});
  });

  it.each([{}, { text: 'a', html: '<p>b</p>' }, { markdown: '# a', bundle: '{}', url: 'https://example.org' }])(
    'refuses %p, naming the rule',
    (input) => {
      expect(problems(input)).toEqual({ source: ['Give exactly one of text, markdown, html, url or bundle'] });
    },
  );
});
