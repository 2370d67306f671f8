import { collapseWhitespace, normalizeWhitespace, toNormalizedIndex } from './whitespace.js';

describe('normalizeWhitespace', () => {
  it('collapses every whitespace run (spaces, tabs, newlines, NBSP) to one space', () => {
    expect(normalizeWhitespace('a  b\n\n\tc\u00a0 d').text).toBe('a b c d');
  });

  it('matches collapseWhitespace on the text', () => {
    const s = ' x \r\n y\u2003z ';
    expect(normalizeWhitespace(s).text).toBe(collapseWhitespace(s));
  });

  it('records the source index of every normalised unit and the source length at the end', () => {
    const norm = normalizeWhitespace('ab   cd');
    expect(Array.from(norm.origin)).toEqual([0, 1, 2, 5, 6, 7]);
  });

  it('flags text that normalisation leaves unchanged', () => {
    expect(normalizeWhitespace('single spaces only').unchanged).toBe(true);
    expect(normalizeWhitespace('a\nb').unchanged).toBe(false);
  });

  it('handles texts longer than the argument-spread limit', () => {
    const long = 'word  '.repeat(50000);
    expect(normalizeWhitespace(long).text).toBe('word '.repeat(50000));
  });
});

describe('toNormalizedIndex', () => {
  it('maps an index inside a collapsed run to that run', () => {
    const norm = normalizeWhitespace('ab   cd');
    expect(toNormalizedIndex(norm, 3)).toBe(2);
    expect(toNormalizedIndex(norm, 5)).toBe(3);
  });

  it('maps the source length to the normalised length', () => {
    const norm = normalizeWhitespace('a  b');
    expect(toNormalizedIndex(norm, 4)).toBe(3);
  });
});
