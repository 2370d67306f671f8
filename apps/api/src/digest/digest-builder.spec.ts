import { Turns } from './turns.js';
import { buildDigest, MIN_DIGEST_COMMENTS, type Digest, type DigestSource } from './digest-builder.js';
import { generatedDiscussion } from '../../test/support/digest/generated-discussion.js';
import { seedDiscussion } from '../../test/support/digest/seed-discussion.js';

/**
 * What a person reading the opinion seed's 19 comments finds they are about: each topic, the
 * comments (by their printed number) that are about it, and words a label for it would use.
 */
const SEED_THEMES: Array<{ topic: string; comments: number[]; words: RegExp }> = [
  { topic: 'the petrodollar: the dollar as reserve currency', comments: [1, 2], words: /dollar|currency|oil/i },
  {
    topic: 'Ukraine and spheres of influence',
    comments: [4, 9, 11, 12, 16],
    words: /sphere|influence|ukraine/i,
  },
  { topic: 'the 2016 election: the DNC hack or leak', comments: [6, 17], words: /dnc|election|hack/i },
  { topic: 'Trump, Putin and Flynn', comments: [5, 13, 18], words: /trump|putin/i },
];

describe('the digest of the opinion seed', () => {
  const seed = seedDiscussion();
  let digest: Digest;
  beforeAll(async () => {
    digest = await buildDigest(seed);
  });
  const numberOf = new Map(seed.map((c) => [c.id, c.number]));

  it.each(SEED_THEMES)('has a theme on $topic', ({ comments, words }) => {
    const theme = digest.themes.find((t) => words.test(t.label));
    expect(theme).toBeDefined();
    const inTheme = theme!.commentIds.map((id) => numberOf.get(id));
    // Most of the comments about the topic are in its theme.
    const found = comments.filter((n) => inTheme.includes(n));
    expect(found.length).toBeGreaterThanOrEqual(Math.ceil(comments.length * 0.6));
  });

  it('quotes every sentence verbatim from the comment it links to', () => {
    const bodies = new Map(seed.map((c) => [c.id, c.body]));
    const quoted = [...digest.themes.flatMap((t) => t.sentences), ...digest.openQuestions];
    expect(quoted.length).toBeGreaterThan(8);
    for (const { text, commentId } of quoted) expect(bodies.get(commentId)).toContain(text);
  });

  it('makes no theme of one commenter and covers at least 80% of the comments', () => {
    const commenter = new Map(seed.map((c) => [c.id, c.commenter]));
    for (const theme of digest.themes) {
      expect(new Set(theme.commentIds.map((id) => commenter.get(id))).size).toBeGreaterThan(1);
    }
    expect(digest.coverage).toBeGreaterThanOrEqual(0.8);
  });

  it('points a theme at a passage its comments quote, and a theme without one at the page', () => {
    const anchorOf = new Map(seed.map((c) => [c.id, c.anchor?.quote ?? null]));
    for (const theme of digest.themes) {
      const quotes = theme.commentIds.map((id) => anchorOf.get(id)).filter((q) => q !== null);
      if (quotes.length === 0) expect(theme.passage).toBeNull();
      else expect(quotes).toContain(theme.passage?.quote);
    }
    const spheres = digest.themes.find((t) => /sphere|influence/i.test(t.label))!;
    expect(spheres.passage).not.toBeNull();
  });

  it('does not quote a reader quoting someone else', () => {
    const quoted = digest.themes.flatMap((t) => t.sentences.map((s) => s.text));
    for (const text of quoted) expect(text).not.toMatch(/^["“‘]/);
  });
});

describe('building a digest', () => {
  const comment = (id: string, commenter: string, body: string, parentId: string | null = null): DigestSource => ({
    id,
    commenter,
    parentId,
    body,
    anchor: null,
  });

  it('says nothing below the minimum number of comments', async () => {
    const few = Array.from({ length: MIN_DIGEST_COMMENTS - 1 }, (_, i) =>
      comment(`c${i}`, `r${i}`, 'The tomato garden needs compost and sun every summer.'),
    );
    expect(await buildDigest(few)).toMatchObject({ themes: [], openQuestions: [], commentCount: few.length });
  });

  it('keeps no theme whose comments all come from one commenter', async () => {
    const monologue = Array.from({ length: 6 }, (_, i) =>
      comment(`m${i}`, 'same', `Railway timetables and railway stations matter for the railway network ${i}.`),
    );
    const others = Array.from({ length: 6 }, (_, i) =>
      comment(`o${i}`, `r${i}`, `The tomato garden needs compost, and tomato plants need sun in summer ${i}.`),
    );
    const digest = await buildDigest([...monologue, ...others]);
    for (const theme of digest.themes) expect(theme.commentIds.every((id) => id.startsWith('o'))).toBe(true);
    expect(digest.themes.length).toBeGreaterThan(0);
  });

  it('points a theme at the passage most of its anchored comments quote', async () => {
    const on = (start: number) => ({ threadId: `t${start}`, quote: `passage ${start}`, start, end: start + 10 });
    const comments = [
      { ...comment('a', 'a', 'The tomato garden needs compost.'), anchor: on(0) },
      { ...comment('b', 'b', 'Tomato plants love compost in the garden.'), anchor: on(50) },
      { ...comment('c', 'c', 'Compost makes the tomato garden grow.'), anchor: on(50) },
      comment('d', 'd', 'My garden tomato plants need compost too.'),
      comment('e', 'e', 'A garden of tomato plants and compost.'),
    ];
    const [theme] = (await buildDigest(comments)).themes;
    expect(theme!.passage).toEqual(on(50));
  });

  it('asks only the questions no published reply answers', async () => {
    const comments = [
      comment('q1', 'a', 'Which tomato variety grows best in a cold garden?'),
      comment('a1', 'b', 'The tomato variety from the north grows well in a cold garden.', 'q1'),
      comment('q2', 'c', 'Does compost help tomato plants in a dry garden?'),
      comment('x1', 'd', 'The garden compost makes tomato plants strong.'),
      comment('x2', 'e', 'Tomato plants in my garden love compost.'),
    ];
    expect((await buildDigest(comments)).openQuestions.map((q) => q.commentId)).toEqual(['q2']);
  });
});

describe('building a digest beside other work', () => {
  it('lets the event loop run while it builds a large discussion, and gives the same digest', async () => {
    const { comments } = generatedDiscussion(2000);
    const turns = new Turns(1);
    // A timer due as the build starts fires before it ends: the worker's moderation jobs go on.
    let fired = false;
    setTimeout(() => (fired = true), 0);
    const digest = await buildDigest(comments, turns);
    expect(fired).toBe(true);
    expect(turns.yields).toBeGreaterThan(10);
    // Slices change when the work waits, never what it computes.
    expect(await buildDigest(comments, new Turns(Number.POSITIVE_INFINITY))).toEqual(digest);
  });
});
