import { describe as describeRange } from './describe.js';
import { reanchorAll } from './reanchor.js';
import { cpRangeOf } from './test-support/fixtures.js';
import { generateRepeatedPassageCases, REPEATED_PASSAGE_CASES } from './test-support/repeated-passages.js';
import type { StoredAnchor } from './types.js';

/**
 * A passage that occurs twice (a pull quote, a repeated sentence, a passage quoted later): a
 * thread belongs to its own occurrence. When that occurrence is edited, moved or removed, the
 * diff that maps positions outranks an exact copy elsewhere, and re-anchoring never moves the
 * thread to the other copy.
 */
describe('re-anchoring a passage that occurs more than once', () => {
  it.each(REPEATED_PASSAGE_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { start, end } = cpRangeOf(c.before, c.quote, c.occurrence);
    const anchor: StoredAnchor = { id: 't', ...describeRange(c.before, start, end) };
    const [result] = reanchorAll(c.before, c.after, [anchor]);
    if (c.expect === 'ORPHANED') {
      expect(result).toMatchObject({ status: 'ORPHANED' });
      return;
    }
    expect(result?.status).not.toBe('ORPHANED');
    const want = cpRangeOf(c.after, c.expect.text, c.expect.occurrence);
    if (!result || result.status === 'ORPHANED') throw new Error('orphaned');
    // On that occurrence; a fuzzy match may differ from the edited passage's edges by a character or two.
    expect([Math.abs(result.start - want.start) <= 2, Math.abs(result.end - want.end) <= 2]).toEqual([true, true]);
  });

  it('leaves a thread on the other copy alone when one copy is edited', () => {
    const c = REPEATED_PASSAGE_CASES.find((x) => x.name.startsWith('pull quote above, a word changed in the body'))!;
    const { start, end } = cpRangeOf(c.before, c.quote, 0);
    const onPullQuote: StoredAnchor = { id: 'pull', ...describeRange(c.before, start, end) };
    const [result] = reanchorAll(c.before, c.after, [onPullQuote]);
    expect(result).toMatchObject({ status: 'EXACT', start, end });
  });
});

describe('re-anchoring repeated passages, generated', () => {
  it('never anchors on the other copy, over 400 generated cases of every kind', () => {
    const cases = generateRepeatedPassageCases(7, 400);
    const wrong: string[] = [];
    let missed = 0;
    for (const c of cases) {
      const { start, end } = cpRangeOf(c.before, c.quote, c.occurrence);
      const [result] = reanchorAll(c.before, c.after, [{ id: 't', ...describeRange(c.before, start, end) }]);
      if (c.expect === 'ORPHANED') {
        if (result?.status !== 'ORPHANED') wrong.push(c.name);
        continue;
      }
      if (!result || result.status === 'ORPHANED') {
        missed++;
        continue;
      }
      const want = cpRangeOf(c.after, c.expect.text, c.expect.occurrence);
      if (Math.abs(result.start - want.start) > 2 || Math.abs(result.end - want.end) > 2) wrong.push(c.name);
    }
    expect(wrong).toEqual([]);
    expect(missed).toBe(0);
  });
});
