import { describe, expect, it } from 'vitest';
import { wordDiff, type DiffPart } from './wordDiff.ts';

const side = (parts: DiffPart[], kind: 'removed' | 'added'): string =>
  parts
    .filter((p) => p.kind === 'same' || p.kind === kind)
    .map((p) => p.text)
    .join('');

describe('word diff', () => {
  it('marks a changed word and keeps the rest', () => {
    const parts = wordDiff('Readers write in the margins of books.', 'Readers scribble in the margins of books.');
    expect(parts).toEqual([
      { kind: 'same', text: 'Readers ' },
      { kind: 'removed', text: 'write ' },
      { kind: 'added', text: 'scribble ' },
      { kind: 'same', text: 'in the margins of books.' },
    ]);
  });

  it('gives back both texts exactly, whatever changed', () => {
    const before = 'One two three four five six.\n\nSeven eight nine.';
    const after = 'Zero one two four five six six.\n\nSeven nine ten.';
    const parts = wordDiff(before, after);
    expect(side(parts, 'removed')).toBe(before);
    expect(side(parts, 'added')).toBe(after);
    expect(parts.some((p) => p.kind === 'added' && p.text.includes('Zero'))).toBe(true);
  });

  it('shows identical texts as one unchanged part, and empty ones as nothing', () => {
    expect(wordDiff('Same text.', 'Same text.')).toEqual([{ kind: 'same', text: 'Same text.' }]);
    expect(wordDiff('', '')).toEqual([]);
    expect(wordDiff('', 'New')).toEqual([{ kind: 'added', text: 'New' }]);
  });

  it('falls back to removed-then-added past the edit limit', () => {
    const parts = wordDiff('a b c d e f', 'u v w x y z', 2);
    expect(parts).toEqual([
      { kind: 'removed', text: 'a b c d e f' },
      { kind: 'added', text: 'u v w x y z' },
    ]);
  });
});
