import { CodePointIndex, codePointLength } from './codepoints.js';
import { CONTEXT_MAX, CONTEXT_MIN, describe as describeRange } from './describe.js';
import { PreparedText } from './prepared-text.js';
import { ARTICLE, cpRangeOf } from './test-support/fixtures.js';

const isWs = (ch: string | undefined): boolean => ch !== undefined && /\s/u.test(ch);

/** Asserts that `part` contains no broken surrogate pair at either end. */
function expectWholeCharacters(part: string): void {
  expect(part).not.toMatch(/^[\udc00-\udfff]/);
  expect(part).not.toMatch(/[\ud800-\udbff]$/);
}

describe('describe', () => {
  it('returns the position unchanged and the exact text by code points', () => {
    const text = '😀😀 hello world';
    const d = describeRange(text, 3, 8);
    expect(d.position).toEqual({ start: 3, end: 8 });
    expect(d.quote.exact).toBe('hello');
  });

  it('gives 32 to 64 code points of context in the middle of a long text', () => {
    const { start, end } = cpRangeOf(ARTICLE, 'exactly which words');
    const { quote } = describeRange(ARTICLE, start, end);
    for (const ctx of [quote.prefix, quote.suffix]) {
      expect(codePointLength(ctx)).toBeGreaterThanOrEqual(CONTEXT_MIN);
      expect(codePointLength(ctx)).toBeLessThanOrEqual(CONTEXT_MAX);
    }
  });

  it('makes the context exactly adjacent to the quote', () => {
    const { start, end } = cpRangeOf(ARTICLE, 'exactly which words');
    const { quote } = describeRange(ARTICLE, start, end);
    expect(ARTICLE).toContain(quote.prefix + quote.exact + quote.suffix);
  });

  it('starts the prefix at the beginning of a word', () => {
    const { start, end } = cpRangeOf(ARTICLE, 'exactly which words');
    const { quote } = describeRange(ARTICLE, start, end);
    const before = ARTICLE.indexOf(quote.prefix + quote.exact) - 1;
    expect(isWs(ARTICLE[before])).toBe(true);
    expect(isWs(quote.prefix[0])).toBe(false);
  });

  it('ends the suffix at the end of a word', () => {
    const { start, end } = cpRangeOf(ARTICLE, 'exactly which words');
    const { quote } = describeRange(ARTICLE, start, end);
    const after = ARTICLE.indexOf(quote.exact + quote.suffix) + (quote.exact + quote.suffix).length;
    expect(isWs(ARTICLE[after])).toBe(true);
    expect(isWs(quote.suffix[quote.suffix.length - 1])).toBe(false);
  });

  it('uses an empty prefix for a quote at the very start of the text', () => {
    const d = describeRange(ARTICLE, 0, 8);
    expect(d.quote.prefix).toBe('');
    expect(d.quote.exact).toBe('Marginal');
  });

  it('uses an empty suffix for a quote at the very end of the text', () => {
    const length = new CodePointIndex(ARTICLE).length;
    const d = describeRange(ARTICLE, length - 11, length);
    expect(d.quote.suffix).toBe('');
    expect(d.quote.exact).toBe('themselves.');
  });

  it('takes all available context when the text is short', () => {
    const d = describeRange('tiny text here', 5, 9);
    expect(d.quote).toEqual({ exact: 'text', prefix: 'tiny ', suffix: ' here' });
  });

  it('cuts an unbroken run at exactly 32 code points without splitting emoji', () => {
    const text = '😀'.repeat(100) + 'X' + '😁'.repeat(100);
    const d = describeRange(text, 100, 101);
    expect(d.quote.exact).toBe('X');
    expect(d.quote.prefix).toBe('😀'.repeat(32));
    expect(d.quote.suffix).toBe('😁'.repeat(32));
    expectWholeCharacters(d.quote.prefix);
    expectWholeCharacters(d.quote.suffix);
  });

  it('does not start the prefix with a combining mark', () => {
    const text = 'e\u0301'.repeat(60) + 'X' + 'e\u0301'.repeat(60);
    const { quote } = describeRange(text, 120, 121);
    expect(quote.prefix.normalize('NFD')).toMatch(/^e/);
    expect(codePointLength(quote.prefix)).toBeGreaterThanOrEqual(CONTEXT_MIN);
  });

  it('does not end the suffix between a letter and its combining mark', () => {
    const text = 'e\u0301'.repeat(60) + 'X' + 'e\u0301'.repeat(60);
    const { quote } = describeRange(text, 120, 121);
    expect(quote.suffix.endsWith('\u0301')).toBe(true);
  });

  it('does not split a flag into its regional indicators', () => {
    const text = '🇫🇷'.repeat(40) + '|' + '🇯🇵'.repeat(40);
    const { quote } = describeRange(text, 80, 81);
    expect(codePointLength(quote.prefix) % 2).toBe(0);
    expect(codePointLength(quote.suffix) % 2).toBe(0);
    expect(quote.prefix.startsWith('🇫🇷')).toBe(true);
  });

  it('pairs regional indicators from the start of their run even when it begins before the window', () => {
    // The leading "x" makes every flag start at an odd code point offset.
    const text = 'x' + '🇫🇷'.repeat(40) + '|' + '🇯🇵'.repeat(3);
    const { quote } = describeRange(text, 81, 82);
    expect(quote.prefix.startsWith('🇫🇷')).toBe(true);
    expect(codePointLength(quote.prefix) % 2).toBe(0);
  });

  it('does not cut inside a ZWJ emoji sequence', () => {
    const family = '👩‍👩‍👧'; // 5 code points
    const text = family.repeat(20) + '|' + family.repeat(20);
    const { quote } = describeRange(text, 100, 101);
    expect(quote.prefix.startsWith(family)).toBe(true);
    expect(quote.suffix.endsWith(family)).toBe(true);
  });

  it('keeps emoji and flags inside word-aligned context intact', () => {
    const { start, end } = cpRangeOf(ARTICLE, 'during the festival');
    const { quote } = describeRange(ARTICLE, start, end);
    expect(quote.prefix).toContain('🇫🇷🇩🇪🇯🇵');
    expectWholeCharacters(quote.prefix);
  });

  it('accepts a PreparedText', () => {
    const d = describeRange(new PreparedText('abc def'), 4, 7);
    expect(d.quote.exact).toBe('def');
  });

  describe('invalid ranges', () => {
    it('throws a RangeError for a negative start', () => {
      expect(() => describeRange('abc', -1, 2)).toThrow(RangeError);
      expect(() => describeRange('abc', -1, 2)).toThrow(/start -1 is negative/);
    });

    it('throws a RangeError when end is past the text, measured in code points', () => {
      expect(() => describeRange('😀😀', 0, 3)).toThrow(/past the end of the text \(length 2 code points\)/);
    });

    it('throws a RangeError for an empty range', () => {
      expect(() => describeRange('abc', 1, 1)).toThrow(/must be less than end/);
    });

    it('throws a RangeError for a reversed range', () => {
      expect(() => describeRange('abc', 2, 1)).toThrow(RangeError);
    });

    it('throws a RangeError for non-integer offsets', () => {
      expect(() => describeRange('abc', 0.5, 2)).toThrow(/must be integers/);
      expect(() => describeRange('abc', 0, Number.NaN)).toThrow(RangeError);
    });
  });
});
