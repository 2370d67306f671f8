import {
  CodePointIndex,
  codePointLength,
  isInsideSurrogatePair,
  sliceCodePoints,
  toCodePointOffset,
  toUtf16Offset,
} from './codepoints.js';
import { seededRandom } from './test-support/fixtures.js';

/** Reference implementation: UTF-16 index of every code point boundary. */
function boundaries(text: string): number[] {
  const out = [0];
  let u = 0;
  for (const ch of text) {
    u += ch.length;
    out.push(u);
  }
  return out;
}

describe('codePointLength', () => {
  it('counts an emoji as one code point although it is two UTF-16 units', () => {
    expect('a😀b'.length).toBe(4);
    expect(codePointLength('a😀b')).toBe(3);
  });

  it('counts a flag as its two regional indicator code points', () => {
    expect(codePointLength('🇫🇷')).toBe(2);
  });

  it('counts combining marks as separate code points', () => {
    expect(codePointLength('e\u0301')).toBe(2);
  });

  it('counts lone surrogates as one code point each, like string iteration', () => {
    const broken = 'a\ud83d' + 'b' + '\ude00';
    expect(codePointLength(broken)).toBe([...broken].length);
  });

  it('returns 0 for the empty string', () => {
    expect(codePointLength('')).toBe(0);
  });
});

describe('CodePointIndex', () => {
  const mixed = 'Hi 👋🏽 café 🇯🇵 e\u0301 𝒳 end 👩‍👩‍👧!';

  it('reports the code point length', () => {
    expect(new CodePointIndex(mixed).length).toBe([...mixed].length);
  });

  it('converts every code point offset to the matching UTF-16 index', () => {
    const index = new CodePointIndex(mixed);
    boundaries(mixed).forEach((u, cp) => expect(index.toUtf16(cp)).toBe(u));
  });

  it('converts every UTF-16 boundary back to its code point offset', () => {
    const index = new CodePointIndex(mixed);
    boundaries(mixed).forEach((u, cp) => expect(index.toCodePoint(u)).toBe(cp));
  });

  it('floors a UTF-16 index inside a surrogate pair to the start of that character', () => {
    const index = new CodePointIndex('ab😀c');
    expect(index.toCodePoint(3)).toBe(2);
    expect(index.toUtf16(index.toCodePoint(3))).toBe(2);
  });

  it('is the identity for text without astral characters', () => {
    const index = new CodePointIndex('plain ascii and é');
    expect(index.isBmpOnly).toBe(true);
    expect(index.toUtf16(5)).toBe(5);
    expect(index.toCodePoint(7)).toBe(7);
  });

  it('slices by code points without splitting emoji', () => {
    const index = new CodePointIndex('x😀y😀z');
    expect(index.slice(1, 4)).toBe('😀y😀');
  });

  it('throws a RangeError for offsets outside the text', () => {
    const index = new CodePointIndex('a😀');
    expect(() => index.toUtf16(3)).toThrow(RangeError);
    expect(() => index.toUtf16(-1)).toThrow(/outside the text/);
    expect(() => index.toCodePoint(4)).toThrow(RangeError);
  });

  it('throws a RangeError for non-integer offsets', () => {
    expect(() => new CodePointIndex('abc').toUtf16(1.5)).toThrow(/must be an integer/);
  });

  it('agrees with a reference implementation on a long random text with many emoji', () => {
    const rnd = seededRandom(7);
    const alphabet = ['a', 'b', ' ', 'é', '😀', '🇫', '𝒳', '\n'];
    let text = '';
    for (let i = 0; i < 5000; i++) text += alphabet[Math.floor(rnd() * alphabet.length)];
    const index = new CodePointIndex(text);
    const ref = boundaries(text);
    for (let k = 0; k < 2000; k++) {
      const cp = Math.floor(rnd() * ref.length);
      expect(index.toUtf16(cp)).toBe(ref[cp]);
      expect(index.toCodePoint(ref[cp] as number)).toBe(cp);
    }
  });

  it('converts quickly on a 100k-character text full of emoji', () => {
    const text = 'word 😀 '.repeat(14000);
    const index = new CodePointIndex(text);
    const t0 = performance.now();
    let sink = 0;
    for (let cp = 0; cp < index.length; cp += 1) sink += index.toUtf16(cp);
    const elapsed = performance.now() - t0;
    expect(sink).toBeGreaterThan(0);
    // ~98k binary searches; a linear scan per call would take minutes.
    expect(elapsed).toBeLessThan(500);
  });
});

describe('one-off helpers', () => {
  it('toUtf16Offset and toCodePointOffset are inverse on boundaries', () => {
    const text = '😀a😀b';
    expect(toUtf16Offset(text, 3)).toBe(5);
    expect(toCodePointOffset(text, 5)).toBe(3);
  });

  it('sliceCodePoints uses code point offsets', () => {
    expect(sliceCodePoints('😀😁😂', 1, 2)).toBe('😁');
  });

  it('isInsideSurrogatePair detects the middle of a pair only', () => {
    expect(isInsideSurrogatePair('a😀', 2)).toBe(true);
    expect(isInsideSurrogatePair('a😀', 1)).toBe(false);
    expect(isInsideSurrogatePair('a😀', 3)).toBe(false);
  });
});
