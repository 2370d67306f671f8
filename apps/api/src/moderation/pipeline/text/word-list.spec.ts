import { findTerms, termRegex } from './word-list.js';

describe('findTerms', () => {
  it('returns the configured spelling of each term found, in list order', () => {
    expect(findTerms(['Zeta', 'alpha'], 'ALPHA then zeta')).toEqual(['Zeta', 'alpha']);
  });

  it('returns nothing for an empty list', () => {
    expect(findTerms([], 'anything')).toEqual([]);
  });

  it('caches compiled lists by identity without mixing lists up', () => {
    const first = ['one'];
    const second = ['two'];
    expect(findTerms(first, 'one two')).toEqual(['one']);
    expect(findTerms(second, 'one two')).toEqual(['two']);
    expect(findTerms(first, 'one two')).toEqual(['one']);
  });
});

describe('termRegex', () => {
  it('escapes regex syntax in terms', () => {
    expect(termRegex('c++').test('I write c++ daily')).toBe(true);
    expect(termRegex('a.b').test('axb')).toBe(false);
  });

  it('bounds the separators between spaced-out letters', () => {
    expect(termRegex('spam').test('s    p    a    m')).toBe(false);
    expect(termRegex('spam').test('s _ p _ a _ m')).toBe(true);
  });
});
