import { anchor } from './anchor.js';
import { CodePointIndex } from './codepoints.js';
import { describe as describeRange } from './describe.js';
import { PreparedText } from './prepared-text.js';
import { ARTICLE, PARAGRAPHS, cpRangeOf, seededRandom, textOf } from './test-support/fixtures.js';
import type { AnchorResult, DescribedRange } from './types.js';

/** Selectors for the first (or n-th) occurrence of `needle` in `text`. */
function selectorsFor(text: string, needle: string, occurrence = 0): DescribedRange {
  const { start, end } = cpRangeOf(text, needle, occurrence);
  return describeRange(text, start, end);
}

function expectAnchoredAt(result: AnchorResult, status: string, start: number, end: number): void {
  expect(result).toMatchObject({ status, start, end });
}

describe('anchor', () => {
  describe('position check', () => {
    it('returns EXACT with score 1 when the position still holds the quote', () => {
      const sel = selectorsFor(ARTICLE, 'moves a section elsewhere');
      expect(anchor(ARTICLE, sel)).toEqual({ status: 'EXACT', ...sel.position, score: 1 });
    });

    it('returns EXACT for a verbatim match when no position selector is given', () => {
      const { quote } = selectorsFor(ARTICLE, 'moves a section elsewhere');
      const r = anchor(ARTICLE, { quote });
      expect(r.status).toBe('EXACT');
      expect(textOf(ARTICLE, r)).toBe('moves a section elsewhere');
    });

    it('does not throw when the old position lies past the end of a shorter text', () => {
      const sel = selectorsFor(ARTICLE, 'dissenting opinion');
      const shorter = PARAGRAPHS[5] as string;
      const r = anchor(shorter, sel);
      expect(r.status).toBe('MOVED');
      expect(textOf(shorter, r)).toBe('dissenting opinion');
    });
  });

  describe('verbatim quote search', () => {
    it('returns MOVED with the new code point offsets after text is inserted before', () => {
      const sel = selectorsFor(ARTICLE, 'the old bridge at Saint-Étienne');
      const edited = 'Editor’s note 📝: updated. ' + ARTICLE;
      const r = anchor(edited, sel);
      const expected = cpRangeOf(edited, 'the old bridge at Saint-Étienne');
      expectAnchoredAt(r, 'MOVED', expected.start, expected.end);
    });

    it('reports a score below 1 but high for a moved verbatim quote', () => {
      const sel = selectorsFor(ARTICLE, 'the old bridge at Saint-Étienne');
      const r = anchor('Preface. ' + ARTICLE, sel);
      expect(r.status).toBe('MOVED');
      if (r.status !== 'ORPHANED') {
        expect(r.score).toBeGreaterThan(0.95);
        expect(r.score).toBeLessThan(1);
      }
    });

    it('disambiguates a repeated quote by its prefix and suffix', () => {
      // "the appendix" occurs twice in paragraph 5; target the second one.
      const sel = selectorsFor(ARTICLE, 'appendix', 1);
      const edited = ARTICLE.replace('Marginal notes', 'Marginal notes (glosses)');
      const r = anchor(edited, sel);
      expect(r).toMatchObject({ status: 'MOVED', ...cpRangeOf(edited, 'appendix', 1) });
    });

    it('disambiguates identical repeated passages by distance to the old position', () => {
      const block = 'Repeat after me: the chorus returns once more.';
      const text = [block, 'Verse one is here.', block, 'Verse two is here.', block].join(' ');
      const sel = selectorsFor(text, 'chorus', 1);
      const shifted = 'A new opening line. ' + text;
      const r = anchor(shifted, sel);
      // The context of all three choruses is identical; the hint decides.
      expect(r).toMatchObject({ status: 'MOVED', ...cpRangeOf(shifted, 'chorus', 1) });
    });

    it('uses options.hint instead of the position to rank candidates', () => {
      const block = 'Repeat after me: the chorus returns once more.';
      // Occurrences 1 and 2 have identical surroundings.
      const text = [block, block, block, block].join(' ');
      const { quote } = selectorsFor(text, 'chorus', 1);
      const third = cpRangeOf(text, 'chorus', 2);
      const r = anchor(text, { quote }, { hint: third.start });
      expectAnchoredAt(r, 'EXACT', third.start, third.end);
    });

    it('finds a quote at the very start of the text after text is prepended', () => {
      const sel = describeRange(ARTICLE, 0, 14); // "Marginal notes"
      const edited = 'Title\n\n' + ARTICLE;
      expectAnchoredAt(anchor(edited, sel), 'MOVED', 7, 21);
    });

    it('finds a quote at the very end of the text after text is removed before it', () => {
      const length = new CodePointIndex(ARTICLE).length;
      const sel = describeRange(ARTICLE, length - 20, length);
      const edited = ARTICLE.slice(200);
      const newLength = new CodePointIndex(edited).length;
      expectAnchoredAt(anchor(edited, sel), 'MOVED', newLength - 20, newLength);
    });

    it('anchors a tiny quote at the very end of the text after text was added on both sides', () => {
      const length = new CodePointIndex(ARTICLE).length;
      const sel = describeRange(ARTICLE, length - 5, length); // "lves."
      expect(sel.quote.suffix).toBe('');
      const edited = 'Intro. ' + ARTICLE + '\n\nAppendix follows.';
      expect(anchor(edited, sel)).toMatchObject({ status: 'MOVED', ...cpRangeOf(edited, 'lves.') });
    });

    it('round-trips describe() → anchor() without a position for random ranges, tiny ones included', () => {
      const rnd = seededRandom(3);
      const length = new CodePointIndex(ARTICLE).length;
      for (let k = 0; k < 300; k++) {
        const start = Math.floor(rnd() * (length - 1));
        const end = Math.min(length, start + 1 + Math.floor(rnd() * 80));
        const { quote } = describeRange(ARTICLE, start, end);
        expect(anchor(ARTICLE, { quote })).toMatchObject({ status: 'EXACT', start, end });
      }
    });

    it('anchors quotes containing emoji, ZWJ sequences, flags and combining marks', () => {
      const quotes = ['🌊 and the old bridge', 'Residents 👩‍👩‍👧 gathered', '🇫🇷🇩🇪🇯🇵 during', 'cafe\u0301 served'];
      const source = ARTICLE.replace('café', 'cafe\u0301');
      const edited = '😀😀😀 ' + source;
      for (const q of quotes) {
        const r = anchor(edited, selectorsFor(source, q));
        expect(r).toMatchObject({ status: 'MOVED', ...cpRangeOf(edited, q) });
      }
    });

    it('skips a verbatim occurrence that would split a surrogate pair', () => {
      // "\ude00x" occurs inside "😀x" but is not a real character sequence.
      const r = anchor('😀x', { quote: { exact: '\ude00x', prefix: '', suffix: '' } });
      expect(r.status).toBe('ORPHANED');
    });
  });

  describe('whitespace changes', () => {
    it('anchors a quote whose inner newline became a space', () => {
      const text = 'Alpha beta gamma delta.\nEpsilon zeta eta theta iota kappa lambda mu.';
      const sel = selectorsFor(text, 'delta.\nEpsilon zeta');
      const edited = text.replace('.\n', '. ');
      const r = anchor(edited, sel);
      expect(r.status).toBe('FUZZY');
      expect(textOf(edited, r)).toBe('delta. Epsilon zeta');
    });

    it('anchors a quote after spaces were doubled inside it', () => {
      const sel = selectorsFor(ARTICLE, 'even after the author fixes a typo');
      const edited = ARTICLE.replace('the author fixes', 'the  author   fixes');
      const r = anchor(edited, sel);
      expect(textOf(edited, r)).toBe('even after the  author   fixes a typo');
      if (r.status !== 'ORPHANED') expect(r.score).toBeGreaterThan(0.95);
    });

    it('anchors a quote after the whole paragraph was re-wrapped', () => {
      const sel = selectorsFor(ARTICLE, 'remember exactly which words a reader pointed at, even after');
      const rewrapped = ARTICLE.replace(/ (exactly|reader|even) /g, '\n$1\n');
      const r = anchor(rewrapped, sel);
      expect(r.status).toBe('FUZZY');
      expect(textOf(rewrapped, r).replace(/\s+/g, ' ')).toBe(
        'remember exactly which words a reader pointed at, even after',
      );
    });

    it('anchors a short quote whose context only changed in whitespace', () => {
      const sel = selectorsFor(ARTICLE, 'brass band');
      const edited = ARTICLE.replace('while a brass band played on', 'while   a brass band\nplayed on');
      expect(textOf(edited, anchor(edited, sel))).toBe('brass band');
    });
  });

  describe('fuzzy matching', () => {
    it('anchors a quote with a small typo as FUZZY at the right place', () => {
      const sel = selectorsFor(ARTICLE, 'Scribes copied the gloss of earlier readers into the margins');
      const edited = ARTICLE.replace('earlier readers', 'earlier raeders');
      const r = anchor(edited, sel);
      expect(r).toMatchObject({
        status: 'FUZZY',
        ...cpRangeOf(edited, 'Scribes copied the gloss of earlier raeders into the margins'),
      });
    });

    it('anchors a quote after a word inside it was replaced', () => {
      const sel = selectorsFor(ARTICLE, 'the committee voted to publish the report in full');
      const edited = ARTICLE.replace('voted to publish', 'decided to publish');
      const r = anchor(edited, sel);
      expect(r.status).toBe('FUZZY');
      expect(textOf(edited, r)).toContain('decided to publish the report in full');
    });

    it('keeps fuzzy match boundaries on whole characters next to emoji', () => {
      const sel = selectorsFor(ARTICLE, 'three metres overnight 🌊 and the old');
      const edited = ARTICLE.replace('three metres', 'three meters');
      const r = anchor(edited, sel);
      const found = textOf(edited, r);
      expect(found).toContain('three meters overnight 🌊 and the old');
      expect(found).not.toMatch(/[\ud800-\udbff]$|^[\udc00-\udfff]/);
    });

    it('does not absorb surrounding whitespace into a fuzzy match', () => {
      // "Scribes"→"Monks" costs the same as "Scribes"→"  Monks", and the
      // approximate search prefers the longer match on ties.
      const text = 'First part here.\n\n   Scribes copied the gloss of earlier readers, it says.';
      const sel = selectorsFor(text, 'Scribes copied the gloss of earlier readers');
      const edited = text.replace('Scribes', 'Monks');
      expect(textOf(edited, anchor(edited, sel))).toBe('Monks copied the gloss of earlier readers');
    });

    it('scores a fuzzy match below an exact one', () => {
      const sel = selectorsFor(ARTICLE, 'Scribes copied the gloss of earlier readers into the margins');
      const r = anchor(ARTICLE.replace('copied', 'copyed'), sel);
      expect(r.status).toBe('FUZZY');
      if (r.status !== 'ORPHANED') {
        expect(r.score).toBeGreaterThan(0.9);
        expect(r.score).toBeLessThan(1);
      }
    });

    it('rejects a fuzzy match below a stricter minScore', () => {
      const sel = selectorsFor(ARTICLE, 'Scribes copied the gloss');
      const edited = ARTICLE.replace('Scribes copied the gloss', 'Scribes copied their gloss');
      expect(anchor(edited, sel).status).toBe('FUZZY');
      expect(anchor(edited, sel, { minScore: 0.99 }).status).toBe('ORPHANED');
    });

    it('prefers the candidate whose context matches when two near-matches exist', () => {
      const text = 'North: the quick brown fox leaps. South: the quick brown fox sleeps.';
      const sel = selectorsFor(text, 'the quick brown fox', 1);
      const edited = text.replace(/quick brown/g, 'quick browne');
      const r = anchor(edited, sel);
      expect(r.status).toBe('FUZZY');
      if (r.status !== 'ORPHANED') {
        expect(r.start).toBe(cpRangeOf(edited, 'the quick browne fox', 1).start);
      }
    });
  });

  describe('orphaning', () => {
    it('orphans a quote whose passage was deleted', () => {
      const sel = selectorsFor(ARTICLE, 'the committee voted to publish the report in full');
      const edited = PARAGRAPHS.slice(0, 5).join('\n\n');
      expect(anchor(edited, sel)).toEqual({ status: 'ORPHANED' });
    });

    it('orphans a long quote that does not occur in an unrelated text', () => {
      const sel = selectorsFor(ARTICLE, 'lists the interviews, which were recorded between March and June');
      const other = PARAGRAPHS.filter((_, i) => i !== 4).join('\n\n');
      expect(anchor(other, sel).status).toBe('ORPHANED');
    });

    it('orphans a tiny quote whose context is gone even though the word occurs elsewhere', () => {
      // "the" is everywhere; its original surroundings were deleted.
      const sel = selectorsFor(ARTICLE, 'the', 3);
      const withoutIt = ARTICLE.replace(PARAGRAPHS[0] as string, '');
      expect(withoutIt).toContain('the');
      expect(anchor(withoutIt, sel).status).toBe('ORPHANED');
    });

    it('anchors the same tiny quote when its context survived a move', () => {
      const sel = selectorsFor(ARTICLE, 'gloss', 1);
      const edited = 'New intro paragraph.\n\n' + ARTICLE;
      expect(anchor(edited, sel)).toMatchObject({ status: 'MOVED', ...cpRangeOf(edited, 'gloss', 1) });
    });

    it('orphans a tiny quote with a single typo instead of fuzzy matching it', () => {
      const sel = selectorsFor(ARTICLE, 'gloss', 1);
      const edited = ARTICLE.replace('and the gloss', 'and the glass');
      expect(anchor(edited, sel).status).toBe('ORPHANED');
    });

    it('anchors a short quote (8–19 code points) with one typo and intact context', () => {
      const sel = selectorsFor(ARTICLE, 'brass band played');
      const edited = ARTICLE.replace('brass band played', 'brass bend played');
      expect(anchor(edited, sel)).toMatchObject({ status: 'FUZZY', ...cpRangeOf(edited, 'brass bend played') });
    });

    it('orphans a short quote with two errors', () => {
      const sel = selectorsFor(ARTICLE, 'brass band played');
      const edited = ARTICLE.replace('brass band played', 'brash bend played');
      expect(anchor(edited, sel).status).toBe('ORPHANED');
    });

    it('orphans a short quote that occurs with one error only in unrelated context', () => {
      const sel = selectorsFor(ARTICLE, 'brass band played');
      const other = 'Completely different story. A brass bend played loudly at the fair last summer.';
      expect(anchor(other, sel).status).toBe('ORPHANED');
    });

    it('orphans a short verbatim quote whose context is entirely different', () => {
      const sel = selectorsFor(ARTICLE, 'brass band played');
      const other = 'Zq xv wk: brass band played — ptl yyy jjj kkk vvv www zzz qqq.';
      expect(anchor(other, sel).status).toBe('ORPHANED');
    });

    it('anchors a long verbatim quote even when its context changed completely', () => {
      const sel = selectorsFor(ARTICLE, 'including the dissenting opinion');
      const other = 'Zq xv wk ptl yyy jjj kkk: including the dissenting opinion; vvv www zzz qqq.';
      expect(anchor(other, sel).status).toBe('MOVED');
    });

    it('does not land a paraphrased sentence on similar but different text', () => {
      const sel = selectorsFor(ARTICLE, 'Residents 👩‍👩‍👧 gathered on the embankment to watch the water.');
      const other = ARTICLE.replace(
        'Residents 👩‍👩‍👧 gathered on the embankment to watch the water.',
        'Tourists later walked along a different street to look at shops.',
      );
      expect(anchor(other, sel).status).toBe('ORPHANED');
    });
  });

  describe('selectors without context', () => {
    it('anchors a long quote when prefix and suffix are absent', () => {
      const r = anchor(ARTICLE, { quote: { exact: 'which were recorded between March and June' } });
      expect(r.status).toBe('EXACT');
    });

    it('orphans a tiny quote without context rather than guessing', () => {
      expect(anchor(ARTICLE, { quote: { exact: 'the' } }).status).toBe('ORPHANED');
    });
  });

  describe('inputs', () => {
    it('accepts a PreparedText', () => {
      const prepared = new PreparedText(ARTICLE);
      const sel = selectorsFor(ARTICLE, 'crème brûlée');
      expect(anchor(prepared, sel).status).toBe('EXACT');
    });

    it('throws a RangeError for an empty quote', () => {
      expect(() => anchor(ARTICLE, { quote: { exact: '' } })).toThrow(/exact must be a non-empty string/);
    });

    it('throws a RangeError for a reversed position', () => {
      expect(() => anchor(ARTICLE, { quote: { exact: 'x' }, position: { start: 5, end: 2 } })).toThrow(RangeError);
    });

    it('throws a RangeError for a negative position', () => {
      expect(() => anchor(ARTICLE, { quote: { exact: 'x' }, position: { start: -1, end: 2 } })).toThrow(/negative/);
    });

    it('throws a RangeError for minScore outside 0..1', () => {
      expect(() => anchor(ARTICLE, { quote: { exact: 'x' } }, { minScore: 1.5 })).toThrow(/minScore/);
    });

    it('throws a RangeError for a non-integer hint', () => {
      expect(() => anchor(ARTICLE, { quote: { exact: 'x' } }, { hint: 2.5 })).toThrow(/hint/);
    });

    it('throws a TypeError when selectors are missing', () => {
      expect(() => anchor(ARTICLE, null as unknown as DescribedRange)).toThrow(TypeError);
    });
  });
});
