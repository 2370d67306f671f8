import { describe as describeRange } from '@marginalia/anchoring';
import type { StoredAnchorJson } from '../comments/anchor-data.js';
import { planReanchor, type AnchoredThread } from './reanchor-plan.js';

const OLD = 'Margins hold notes. Scribes wrote them by candlelight 🕯️. Readers argue in them still.';

function threadOn(id: string, text: string, passage: string, revisionId = 'r1'): AnchoredThread {
  const utf16 = text.indexOf(passage);
  const start = [...text.slice(0, utf16)].length;
  const d = describeRange(text, start, start + [...passage].length);
  const anchor: StoredAnchorJson = { revisionId, position: d.position, quote: d.quote };
  return { id, anchor, revisionId };
}

describe('planning a re-anchoring', () => {
  it('maps threads through the diff and re-describes their context in the new text', () => {
    const next = 'Preface. Margins hold notes. Readers argue in them still.';
    const plan = planReanchor(
      [threadOn('a', OLD, 'Readers argue'), threadOn('b', OLD, 'by candlelight 🕯️')],
      new Map([['r1', OLD]]),
      { id: 'r2', text: next },
    );
    const start = [...next.slice(0, next.indexOf('Readers argue'))].length;
    expect(plan).toEqual([
      {
        id: 'a',
        fromRevisionId: 'r1',
        outcome: 'MOVED',
        status: 'ANCHORED',
        score: 1,
        start,
        anchor: { revisionId: 'r2', ...describeRange(next, start, start + 13) },
      },
      // Gone: keeps its last known anchor, has no place in the new text.
      {
        id: 'b',
        fromRevisionId: 'r1',
        outcome: 'ORPHANED',
        status: 'ORPHANED',
        score: null,
        start: null,
        anchor: threadOn('b', OLD, 'by candlelight 🕯️').anchor,
      },
    ]);
  });

  it('diffs each thread from the revision it was last found in', () => {
    const middle = 'Margins hold notes. Readers argue in them still.';
    const next = 'Margins hold notes. Scribes wrote them by candlelight 🕯️. Readers argue in them still.';
    // An orphan from r1 processed for r2, and a thread anchored on r2.
    const orphan = { ...threadOn('o', OLD, 'Scribes wrote them'), revisionId: 'r2' };
    const plan = planReanchor(
      [orphan, threadOn('t', middle, 'argue in them', 'r2')],
      new Map([
        ['r1', OLD],
        ['r2', middle],
      ]),
      { id: 'r3', text: next },
    );
    expect(plan.map((u) => [u.id, u.outcome, u.fromRevisionId, u.start])).toEqual([
      ['o', 'EXACT', 'r2', [...next.slice(0, next.indexOf('Scribes'))].length],
      ['t', 'MOVED', 'r2', [...next.slice(0, next.indexOf('argue in them'))].length],
    ]);
  });

  it('still searches by quote when the old text is missing', () => {
    const next = `A new opening. ${OLD}`;
    const passage = 'Scribes wrote them by candlelight';
    const [update] = planReanchor([threadOn('a', OLD, passage)], new Map(), { id: 'r2', text: next });
    expect(update).toMatchObject({ status: 'ANCHORED', outcome: 'MOVED', start: next.indexOf(passage) });
  });
});
