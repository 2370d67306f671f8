import { DomainError } from '../infra/errors/domain-error.js';
import { readAnnotation } from './annotation.input.js';
import { importedId } from './import-ids.js';

const base = { type: 'Annotation', target: 'https://x.test/a/s' };

describe('reading received annotations', () => {
  it('prefers the Markdown body, then plain text, then bodyValue-only annotations', () => {
    const body = [
      { type: 'TextualBody', value: '<p>html</p>', format: 'text/html' },
      { type: 'TextualBody', value: ' *md* ', format: 'text/markdown' },
    ];
    expect(readAnnotation({ ...base, body }).body).toBe('*md*');
    expect(readAnnotation({ ...base, body: { type: 'TextualBody', value: 'plain' } }).body).toBe('plain');
    expect(readAnnotation({ ...base, bodyValue: 'short form' }).body).toBe('short form');
  });

  it('reads a stance from a second motivation and its tag, never taking the tag as the text', () => {
    const tag = { type: 'TextualBody', value: 'Disagree', purpose: 'tagging' };
    const disagreeing = readAnnotation({
      ...base,
      motivation: ['commenting', 'oa:assessing'],
      body: [tag, { type: 'TextualBody', value: 'Not so' }],
    });
    expect(disagreeing).toMatchObject({ motivation: 'commenting', stance: 'DISAGREE', body: 'Not so' });
    const question = readAnnotation({ ...base, motivation: ['questioning', 'replying'], bodyValue: 'Why?' });
    expect(question).toMatchObject({ motivation: 'replying', stance: 'QUESTION', targetIri: base.target });
    const linking = `http://www.w3.org/ns/oa#linking`;
    expect(readAnnotation({ ...base, motivation: linking, bodyValue: 'See' }).stance).toBe('EVIDENCE');
    expect(readAnnotation({ ...base, motivation: 'assessing', bodyValue: 'Hm' }).stance).toBeNull();
    expect(() => readAnnotation({ ...base, body: tag })).toThrow(DomainError);
  });

  it('refuses what cannot become a comment, naming the field', () => {
    const refused = (value: unknown): string | undefined => {
      try {
        readAnnotation(value);
        return undefined;
      } catch (error) {
        return error instanceof DomainError ? error.field : 'not a domain error';
      }
    };
    expect(refused({ ...base, type: 'Note', bodyValue: 'x' })).toBe('annotation.type');
    expect(refused({ type: 'Annotation', bodyValue: 'x' })).toBe('annotation.target');
    expect(refused({ ...base, bodyValue: '   ' })).toBe('annotation.body');
    expect(refused({ ...base, bodyValue: 'x'.repeat(5001) })).toBe('annotation.body');
    const longQuote = { source: 'https://x.test', selector: { type: 'TextQuoteSelector', exact: 'q'.repeat(2001) } };
    expect(refused({ ...base, bodyValue: 'x', target: longQuote })).toBe('annotation.target.selector.exact');
  });

  it('reads selectors, creators and dates leniently', () => {
    const read = readAnnotation({
      ...base,
      bodyValue: 'x',
      created: 'not a date',
      creator: 'acct:alice@hypothes.is',
      target: [
        {
          source: 'https://x.test/a/s',
          selector: [
            { type: 'TextPositionSelector', start: 5, end: 2 },
            { type: 'TextQuoteSelector', exact: 'quote', prefix: 'p'.repeat(300) },
          ],
        },
      ],
    });
    expect(read.creatorName).toBe('alice');
    expect(read.created).toBeNull();
    expect(read.targetIri).toBe('https://x.test/a/s');
    // An impossible position is dropped; the quote alone still anchors. Context is capped.
    expect(read.selectors).toEqual({ quote: { exact: 'quote', prefix: 'p'.repeat(256), suffix: undefined } });
    expect(readAnnotation({ ...base, bodyValue: 'x', creator: { type: 'Person', name: 'Ada' } }).creatorName).toBe(
      'Ada',
    );
  });

  it('derives stable, article-specific UUIDs for imported annotations', () => {
    const id = importedId('article-1', 'https://hypothes.is/a/AAA', 'comment');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(importedId('article-1', 'https://hypothes.is/a/AAA', 'comment')).toBe(id);
    expect(importedId('article-2', 'https://hypothes.is/a/AAA', 'comment')).not.toBe(id);
    expect(importedId('article-1', 'https://hypothes.is/a/AAA', 'thread')).not.toBe(id);
  });
});
