/**
 * Articles in which a passage occurs twice — a pull quote, a repeated sentence, a passage quoted
 * in a later paragraph — and an edit of one occurrence (a typo fixed, a word changed, the
 * paragraph moved or cut). Each case says where a thread on the given occurrence belongs after
 * the edit: at an occurrence of a text in the new article, or nowhere (ORPHANED) when its own
 * occurrence is gone and only the other copy is left.
 */
export interface RepeatedPassageCase {
  name: string;
  before: string;
  after: string;
  /** The thread's passage in `before`, and which occurrence (0-based) it is on. */
  quote: string;
  occurrence: number;
  expect: { text: string; occurrence: number } | 'ORPHANED';
}

const INTRO = 'The harbour board met on Tuesday to decide the fate of the old ferry pier.';
const CLOSE = 'A final vote is expected before the spring tides, when the pier is most at risk.';
const FILLER = [
  'Engineers presented three options, each with a different price and a different lifespan.',
  'Residents filled the hall and the corridor outside, and some listened through the open windows.',
  'The chair reminded everyone that the board can only spend what the council grants it this year.',
];
const PULL = 'We are not going to let the pier fall into the sea';
const PULL_TYPO = 'We are not gonig to let the pier fall into the sea';
const PULL_EDITED = 'We are not going to let this pier fall into the sea';

const join = (...paragraphs: string[]): string => paragraphs.join('\n\n');

export const REPEATED_PASSAGE_CASES: RepeatedPassageCase[] = [
  {
    name: 'pull quote above, typo fixed in the body: the thread on the body stays in the body',
    before: join(INTRO, `“${PULL}”`, FILLER[0]!, `“${PULL_TYPO},” said the chair of the board.`, CLOSE),
    after: join(INTRO, `“${PULL}”`, FILLER[0]!, `“${PULL},” said the chair of the board.`, CLOSE),
    quote: PULL_TYPO,
    occurrence: 0,
    expect: { text: PULL, occurrence: 1 },
  },
  {
    name: 'pull quote above, a word changed in the body: the thread stays in the body (fuzzy)',
    before: join(INTRO, `“${PULL}”`, FILLER[0]!, `“${PULL},” said the chair of the board.`, CLOSE),
    after: join(INTRO, `“${PULL}”`, FILLER[0]!, `“${PULL_EDITED},” said the chair of the board.`, CLOSE),
    quote: PULL,
    occurrence: 1,
    expect: { text: PULL_EDITED, occurrence: 0 },
  },
  {
    name: 'pull quote below, a word changed in the body above it: the thread stays in the body',
    before: join(INTRO, `“${PULL},” said the chair of the board.`, FILLER[1]!, `“${PULL}”`, CLOSE),
    after: join(INTRO, `“${PULL_EDITED},” said the chair of the board.`, FILLER[1]!, `“${PULL}”`, CLOSE),
    quote: PULL,
    occurrence: 0,
    expect: { text: PULL_EDITED, occurrence: 0 },
  },
  {
    name: 'repeated sentence, the second one reworded: the thread on the second stays on it',
    before: join(INTRO, FILLER[2]!, FILLER[0]!, FILLER[2]!, CLOSE),
    after: join(INTRO, FILLER[2]!, FILLER[0]!, FILLER[2]!.replace('this year', 'this financial year'), CLOSE),
    quote: 'the board can only spend what the council grants it this year',
    occurrence: 1,
    expect: { text: 'the board can only spend what the council grants it this financial year', occurrence: 0 },
  },
  {
    name: 'passage quoted in a later paragraph, the original paragraph cut: the thread is orphaned',
    before: join(
      INTRO,
      `The chair said: ${PULL}.`,
      FILLER[0]!,
      `Asked about it later, she repeated: “${PULL}.”`,
      CLOSE,
    ),
    after: join(INTRO, FILLER[0]!, `Asked about it later, she repeated: “${PULL}.”`, CLOSE),
    quote: PULL,
    occurrence: 0,
    expect: 'ORPHANED',
  },
  {
    name: 'pull quote above, the body paragraph moved to the end: the thread follows the paragraph',
    before: join(INTRO, `“${PULL}”`, `“${PULL},” said the chair of the board.`, FILLER[0]!, FILLER[1]!, CLOSE),
    after: join(INTRO, `“${PULL}”`, FILLER[0]!, FILLER[1]!, CLOSE, `“${PULL},” said the chair of the board.`),
    quote: PULL,
    occurrence: 1,
    expect: { text: PULL, occurrence: 1 },
  },
  {
    name: 'pull quote above, the body paragraph moved and a word changed: the thread follows it (fuzzy)',
    before: join(INTRO, `“${PULL}”`, `“${PULL},” said the chair of the board.`, FILLER[0]!, FILLER[1]!, CLOSE),
    after: join(INTRO, `“${PULL}”`, FILLER[0]!, FILLER[1]!, CLOSE, `“${PULL_EDITED},” said the chair of the board.`),
    quote: PULL,
    occurrence: 1,
    expect: { text: PULL_EDITED, occurrence: 0 },
  },
  {
    name: 'repeated sentence, the first one cut: the thread on the first is orphaned, not moved to the second',
    before: join(INTRO, FILLER[2]!, FILLER[0]!, FILLER[1]!, FILLER[2]!, CLOSE),
    after: join(INTRO, FILLER[0]!, FILLER[1]!, FILLER[2]!, CLOSE),
    quote: 'the board can only spend what the council grants it this year',
    occurrence: 0,
    expect: 'ORPHANED',
  },
  {
    name: 'pull quote above, the body passage rewritten beyond recognition: orphaned, not moved to the pull quote',
    before: join(INTRO, `“${PULL}”`, FILLER[0]!, `“${PULL},” said the chair of the board.`, CLOSE),
    after: join(
      INTRO,
      `“${PULL}”`,
      FILLER[0]!,
      '“The pier stays, whatever it costs,” said the chair of the board.',
      CLOSE,
    ),
    quote: PULL,
    occurrence: 1,
    expect: 'ORPHANED',
  },
];

// ------------------------------------------------------------ generated cases

const WORDS = (
  'river harbour council budget winter tide bridge market teacher museum evening village station ' +
  'summer letter garden witness record history engine lantern meadow orchard courtyard ferry ' +
  'ledger archive chapel island signal quarry timber vessel beacon festival parish granary ' +
  'mayor clerk sailor farmer baker miller weaver painter poet doctor nurse student reader ' +
  'quietly slowly early late often rarely never always again together apart inside outside ' +
  'carried opened closed watched listened answered promised refused measured counted repaired ' +
  'built painted crossed followed remembered forgot wrote read sang walked waited argued ' +
  'old new narrow wide bright dark cold warm heavy light small large distant nearby broken ' +
  'careful honest patient stubborn curious tired hungry proud silent famous forgotten hidden'
).split(' ');

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function occurrences(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) n++;
  return n;
}

/**
 * `count` seeded cases of every kind above, on generated prose: the passage (8–14 words) and
 * every edit of it are unique in their article except for the deliberate copy.
 */
export function generateRepeatedPassageCases(seed: number, count: number): RepeatedPassageCase[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const words = (n: number): string[] => Array.from({ length: n }, () => pick(WORDS));
  const sentence = (): string => {
    const w = words(10 + Math.floor(rnd() * 10));
    return `${w[0]!.charAt(0).toUpperCase()}${w.join(' ').slice(1)}.`;
  };
  const paragraph = (): string => Array.from({ length: 2 + Math.floor(rnd() * 3) }, sentence).join(' ');
  const out: RepeatedPassageCase[] = [];
  for (let k = 0; out.length < count; k++) {
    const passageWords = words(8 + Math.floor(rnd() * 7));
    const passage = passageWords.join(' ');
    const middle = Math.floor(passageWords.length / 2);
    const replacement = pick(WORDS.filter((w) => w !== passageWords[middle]));
    const edited = passageWords.map((w, i) => (i === middle ? replacement : w)).join(' ');
    const typoWord = passageWords[middle]!;
    const typo = passageWords
      .map((w, i) => (i === middle && w.length > 3 ? `${w.slice(0, 1)}${w[2]}${w[1]}${w.slice(3)}` : w))
      .join(' ');
    const [intro, f1, f2, f3] = [paragraph(), paragraph(), paragraph(), paragraph()];
    const body = (p: string): string =>
      `${sentence()} “${p},” said the ${pick(WORDS)} of the ${pick(WORDS)}. ${sentence()}`;
    const bodyBefore = body(passage);
    const bodyAfter = bodyBefore.replace(passage, edited);
    const kinds: RepeatedPassageCase[] = [
      {
        name: 'pull quote above, a word changed in the body',
        before: join(intro, `“${passage}”`, f1, bodyBefore, f2),
        after: join(intro, `“${passage}”`, f1, bodyAfter, f2),
        quote: passage,
        occurrence: 1,
        expect: { text: edited, occurrence: 0 },
      },
      {
        name: 'pull quote below, a word changed in the body',
        before: join(intro, bodyBefore, f1, `“${passage}”`, f2),
        after: join(intro, bodyAfter, f1, `“${passage}”`, f2),
        quote: passage,
        occurrence: 0,
        expect: { text: edited, occurrence: 0 },
      },
      {
        name: 'a thread on the pull quote, the body edited',
        before: join(intro, `“${passage}”`, f1, bodyBefore, f2),
        after: join(intro, `“${passage}”`, f1, bodyAfter, f2),
        quote: passage,
        occurrence: 0,
        expect: { text: passage, occurrence: 0 },
      },
      {
        name: 'a typo fixed in the body, the pull quote right',
        before: join(intro, `“${passage}”`, f1, bodyBefore.replace(passage, typo), f2),
        after: join(intro, `“${passage}”`, f1, bodyBefore, f2),
        quote: typo,
        occurrence: 0,
        expect: { text: passage, occurrence: 1 },
      },
      {
        name: 'the body paragraph moved to the end',
        before: join(intro, `“${passage}”`, bodyBefore, f1, f2, f3),
        after: join(intro, `“${passage}”`, f1, f2, f3, bodyBefore),
        quote: passage,
        occurrence: 1,
        expect: { text: passage, occurrence: 1 },
      },
      {
        name: 'the body paragraph moved to the end and a word changed',
        before: join(intro, `“${passage}”`, bodyBefore, f1, f2, f3),
        after: join(intro, `“${passage}”`, f1, f2, f3, bodyAfter),
        quote: passage,
        occurrence: 1,
        expect: { text: edited, occurrence: 0 },
      },
      {
        name: 'the original cut, a later quotation of it kept',
        before: join(intro, bodyBefore, f1, `As was said earlier, “${passage}.”`, f2),
        after: join(intro, f1, `As was said earlier, “${passage}.”`, f2),
        quote: passage,
        occurrence: 0,
        expect: 'ORPHANED',
      },
      {
        name: 'the body passage rewritten, the pull quote kept',
        before: join(intro, `“${passage}”`, f1, bodyBefore, f2),
        after: join(intro, `“${passage}”`, f1, bodyBefore.replace(passage, sentence().slice(0, -1)), f2),
        quote: passage,
        occurrence: 1,
        expect: 'ORPHANED',
      },
    ];
    for (const c of kinds) {
      if (out.length >= count) break;
      const ok =
        typoWord.length > 3 &&
        occurrences(c.before, c.quote) >= c.occurrence + 1 &&
        occurrences(c.before, passage) === 2 - (c.quote === typo ? 1 : 0) &&
        (c.expect === 'ORPHANED' || occurrences(c.after, c.expect.text) >= c.expect.occurrence + 1) &&
        occurrences(c.after, edited) <= 1;
      if (ok) out.push({ ...c, name: `${c.name} (#${k})` });
    }
  }
  return out;
}
