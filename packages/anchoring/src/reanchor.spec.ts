import { CodePointIndex } from './codepoints.js';
import { describe as describeRange } from './describe.js';
import { reanchorAll } from './reanchor.js';
import { ARTICLE, PARAGRAPHS, cpRangeOf, seededRandom, textOf } from './test-support/fixtures.js';
import type { StoredAnchor } from './types.js';

function stored(text: string, needle: string, id = needle, occurrence = 0): StoredAnchor {
  const { start, end } = cpRangeOf(text, needle, occurrence);
  return { id, ...describeRange(text, start, end) };
}

const NEEDLES = [
  'Marginal notes are older',
  'the gloss of earlier readers',
  'exactly which words',
  'overnight 🌊 and the old bridge',
  'Residents 👩‍👩‍👧 gathered',
  '🇫🇷🇩🇪🇯🇵 during the festival',
  'crème brûlée',
  'every source consulted',
  'dissenting opinion',
  'for themselves.',
];

describe('reanchorAll', () => {
  it('returns EXACT with unchanged offsets for every anchor when the text is unchanged', () => {
    const anchors = NEEDLES.map((n) => stored(ARTICLE, n));
    const results = reanchorAll(ARTICLE, ARTICLE, anchors);
    results.forEach((r, i) =>
      expect(r).toEqual({ id: NEEDLES[i], status: 'EXACT', score: 1, ...anchors[i]?.position }),
    );
  });

  it('re-finds an anchor whose stored position is stale even when the text is unchanged', () => {
    const anchor = stored(ARTICLE, 'dissenting opinion');
    anchor.position = { start: 0, end: 18 };
    const [r] = reanchorAll(ARTICLE, ARTICLE, [anchor]);
    expect(r).toMatchObject({ status: 'MOVED', ...cpRangeOf(ARTICLE, 'dissenting opinion') });
  });

  it('keeps anchors before an insertion EXACT and shifts anchors after it (MOVED)', () => {
    const anchors = [stored(ARTICLE, 'Marginal notes are older'), stored(ARTICLE, 'dissenting opinion')];
    const edited = ARTICLE.replace('re-wraps a paragraph', 're-wraps a long paragraph');
    const [before, after] = reanchorAll(ARTICLE, edited, anchors);
    expect(before).toMatchObject({ status: 'EXACT', ...anchors[0]?.position });
    expect(after).toMatchObject({ status: 'MOVED', ...cpRangeOf(edited, 'dissenting opinion') });
  });

  it('counts new offsets in code points when emoji are inserted before an anchor', () => {
    const anchors = [stored(ARTICLE, 'every source consulted')];
    const edited = ARTICLE.replace('Flags flew', 'Flags 🏳️‍🌈🇺🇦 flew');
    const [r] = reanchorAll(ARTICLE, edited, anchors);
    expect(r).toMatchObject({ status: 'MOVED', ...cpRangeOf(edited, 'every source consulted') });
    if (r && r.status !== 'ORPHANED') {
      expect(new CodePointIndex(edited).slice(r.start, r.end)).toBe('every source consulted');
    }
  });

  it('tracks anchors in a moved paragraph to their new offsets', () => {
    const anchors = NEEDLES.map((n) => stored(ARTICLE, n));
    const reordered = [PARAGRAPHS[3], PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2], PARAGRAPHS[4], PARAGRAPHS[5]].join(
      '\n\n',
    );
    const results = reanchorAll(ARTICLE, reordered, anchors);
    results.forEach((r, i) => {
      const needle = NEEDLES[i] as string;
      expect(r.status === 'EXACT' || r.status === 'MOVED').toBe(true);
      expect(r).toMatchObject(cpRangeOf(reordered, needle));
    });
    expect(results.find((r) => r.id === 'crème brûlée')?.status).toBe('MOVED');
  });

  it('orphans anchors in a deleted passage and keeps the others', () => {
    const anchors = NEEDLES.map((n) => stored(ARTICLE, n));
    const edited = PARAGRAPHS.filter((_, i) => i !== 2).join('\n\n');
    const results = reanchorAll(ARTICLE, edited, anchors);
    const orphaned = results.filter((r) => r.status === 'ORPHANED').map((r) => r.id);
    expect(orphaned).toEqual(['overnight 🌊 and the old bridge', 'Residents 👩‍👩‍👧 gathered']);
    for (const r of results) {
      if (r.status !== 'ORPHANED') expect(textOf(edited, r)).toBe(r.id);
    }
  });

  it('re-anchors an anchor with a typo inside it as FUZZY', () => {
    const anchors = [stored(ARTICLE, 'the gloss of earlier readers')];
    const edited = ARTICLE.replace('earlier readers', 'earlier raeders');
    const [r] = reanchorAll(ARTICLE, edited, anchors);
    expect(r).toMatchObject({ status: 'FUZZY', ...cpRangeOf(edited, 'the gloss of earlier raeders') });
  });

  it('re-anchors across a whitespace-only change inside the anchor', () => {
    const anchors = [stored(ARTICLE, 'every source consulted')];
    const edited = ARTICLE.replace('every source consulted', 'every source\nconsulted');
    const [r] = reanchorAll(ARTICLE, edited, anchors);
    expect(r).toMatchObject({ status: 'FUZZY', ...cpRangeOf(edited, 'every source\nconsulted') });
  });

  it('does not extend an anchor over text inserted right after it', () => {
    const anchors = [stored(ARTICLE, 'crème brûlée')];
    const edited = ARTICLE.replace('crème brûlée', 'crème brûlée and espresso');
    const [r] = reanchorAll(ARTICLE, edited, anchors);
    expect(r && textOf(edited, r)).toBe('crème brûlée');
  });

  it('keeps an anchor on the third of three repeated passages when the first is edited', () => {
    const text = 'The motion passed. Debate followed. The motion passed. Silence. The motion passed. Home.';
    const anchors = [stored(text, 'The motion passed.', 'third', 2)];
    const edited = text.replace('The motion passed. Debate', 'The motion passed narrowly. Debate');
    const [r] = reanchorAll(text, edited, anchors);
    // Still two verbatim copies left; the anchor must stay on the last one.
    expect(r).toMatchObject({ status: 'MOVED', ...cpRangeOf(edited, 'The motion passed.', 1) });
  });

  it('orphans a tiny anchor whose sentence was rewritten around a surviving word', () => {
    const anchors = [stored(ARTICLE, 'gloss', 'gloss', 1)];
    const edited = ARTICLE.replace('argued with both the text and the gloss.', 'never wrote anything at all.');
    const [r] = reanchorAll(ARTICLE, edited, anchors);
    expect(r?.status).toBe('ORPHANED');
  });

  it('preserves input order and generic ids', () => {
    const a = { ...stored(ARTICLE, 'dissenting opinion'), id: 42 };
    const b = { ...stored(ARTICLE, 'Marginal notes are older'), id: 7 };
    expect(reanchorAll<number>(ARTICLE, ARTICLE + ' ', [a, b]).map((r) => r.id)).toEqual([42, 7]);
  });

  it('returns an empty list for no anchors', () => {
    expect(reanchorAll(ARTICLE, ARTICLE.toUpperCase(), [])).toEqual([]);
  });

  it('throws a RangeError naming the anchor when its quote is empty', () => {
    const bad = { id: 'bad-1', position: { start: 0, end: 1 }, quote: { exact: '' } };
    expect(() => reanchorAll(ARTICLE, ARTICLE, [bad])).toThrow(/anchors\[0\] \(id bad-1\)\.quote\.exact/);
  });

  it('throws a RangeError naming the anchor when its position is reversed', () => {
    const bad = { id: 'bad-2', position: { start: 9, end: 3 }, quote: { exact: 'x' } };
    expect(() => reanchorAll(ARTICLE, ARTICLE, [bad])).toThrow(/id bad-2/);
  });

  it('throws a RangeError for a non-positive diff timeout', () => {
    expect(() => reanchorAll('a', 'b', [], { diffTimeoutMs: 0 })).toThrow(/diffTimeoutMs/);
  });

  it('matches anchor() on every anchor of a randomly edited long text', () => {
    // Consistency: the diff fast path must never disagree with the search
    // on where a verbatim passage is.
    const rnd = seededRandom(11);
    const long = Array.from({ length: 20 }, (_, i) => PARAGRAPHS[i % PARAGRAPHS.length] + ` (${i})`).join('\n\n');
    const anchors: StoredAnchor[] = [];
    const index = new CodePointIndex(long);
    for (let k = 0; k < 200; k++) {
      const start = Math.floor(rnd() * (index.length - 60));
      anchors.push({ id: String(k), ...describeRange(long, start, start + 20 + Math.floor(rnd() * 40)) });
    }
    const edited = long.replace(/ the /g, (m) => (rnd() < 0.3 ? ' a ' : m));
    for (const r of reanchorAll(long, edited, anchors)) {
      if (r.status === 'EXACT' || r.status === 'MOVED') {
        const a = anchors[Number(r.id)] as StoredAnchor;
        expect(textOf(edited, r)).toBe(a.quote.exact);
      }
    }
  });
});

describe('reanchorAll performance', () => {
  function bigText(): string {
    const rnd = seededRandom(99);
    const words = [
      'lorem',
      'ipsum',
      'dolor',
      'sit',
      'amet',
      'annotation',
      'margin',
      'reader',
      'river',
      'bridge',
      '🌊',
      'café',
    ];
    const paras: string[] = [];
    let len = 0;
    while (len < 100_000) {
      const n = 40 + Math.floor(rnd() * 80);
      const p = Array.from(
        { length: n },
        () => words[Math.floor(rnd() * words.length)] + (rnd() < 0.1 ? String(Math.floor(rnd() * 1000)) : ''),
      ).join(' ');
      paras.push(p);
      len += p.length + 2;
    }
    return paras.join('\n\n');
  }

  it('handles 10,000 anchors on an unchanged 100k-character text in well under a second', () => {
    const text = bigText();
    const index = new CodePointIndex(text);
    const rnd = seededRandom(1);
    const anchors: StoredAnchor[] = Array.from({ length: 10_000 }, (_, k) => {
      const start = Math.floor(rnd() * (index.length - 100));
      return { id: String(k), ...describeRange(text, start, start + 30) };
    });
    const t0 = performance.now();
    const results = reanchorAll(text, text, anchors);
    const elapsed = performance.now() - t0;
    expect(results.every((r) => r.status === 'EXACT')).toBe(true);
    // Budget is 200 ms in the benchmark; keep CI headroom here.
    expect(elapsed).toBeLessThan(1000);
  });
});
