import { describe, expect, it } from 'vitest';
import { wordDiff } from './wordDiff.ts';

describe('wordDiff', () => {
  it('marks a replaced word as removed then added, keeping the rest', () => {
    expect(wordDiff('the quick brown fox', 'the slow brown fox')).toEqual([
      { kind: 'same', text: 'the ' },
      { kind: 'removed', text: 'quick' },
      { kind: 'added', text: 'slow' },
      { kind: 'same', text: ' brown fox' },
    ]);
  });

  it('marks words added at the end and removed at the start', () => {
    expect(wordDiff('so I think it works', 'I think it works well')).toEqual([
      { kind: 'removed', text: 'so ' },
      { kind: 'same', text: 'I think it works' },
      { kind: 'added', text: ' well' },
    ]);
  });

  it('reads a replaced phrase as one change, not word by word around the kept spaces', () => {
    expect(wordDiff('my first draft was hasty.', 'my second thought was careful.')).toEqual([
      { kind: 'same', text: 'my ' },
      { kind: 'removed', text: 'first draft' },
      { kind: 'added', text: 'second thought' },
      { kind: 'same', text: ' was ' },
      { kind: 'removed', text: 'hasty.' },
      { kind: 'added', text: 'careful.' },
    ]);
  });

  it('finds nothing to mark in identical texts', () => {
    expect(wordDiff('same text', 'same text')).toEqual([{ kind: 'same', text: 'same text' }]);
  });

  it('rebuilds both versions from its parts', () => {
    const before = 'A line of text,\nand another one with words.';
    const after = 'A line of new text;\nand one more with words!';
    const parts = wordDiff(before, after);
    expect(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
  });
});
