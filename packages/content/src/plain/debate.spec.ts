import { canonicalize, type Block } from '../blocks.js';
import { parsePlainText } from './plain-text.js';
import { readSeed } from '../testing/fixtures.js';

const seedLines = readSeed('debate').split('\n');
const parsed = parsePlainText(readSeed('debate'));
const turns = parsed.blocks.filter((block) => block.kind === 'turn');

/** Turn speakers grouped by the heading (topic) they follow; '' before the first heading. */
function speakersByTopic(blocks: readonly Block[]): Map<string, string> {
  const topics = new Map<string, string>();
  let topic = '';
  for (const block of blocks) {
    if (block.kind === 'heading') topic = block.text;
    if (block.kind === 'turn') topics.set(topic, `${topics.get(topic) ?? ''}${block.speaker ?? '?'}`);
  }
  return topics;
}

describe('debate seed (000)', () => {
  it('recovers the question as the title and keeps the introduction as paragraphs', () => {
    expect(parsed.title).toBe('Should the US normalize diplomatic relations with Russia?');
    expect(parsed.author).toBeUndefined();
    const intro = parsed.blocks.slice(0, 3);
    expect(intro.map((block) => block.kind)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(intro[0]?.text).toMatch(/^Since January 2025, the Trump administration/);
    expect(intro[1]?.text).toMatch(/^⚡Both sides have significant internal splits/);
    expect(intro[2]?.text).toMatch(/^Can the US ever negotiate with Russia/);
  });

  it('lists every section heading in order, with the Divide camps one level down', () => {
    const headings = parsed.blocks
      .filter((block) => block.kind === 'heading')
      .map((block) => [block.level, block.text]);
    expect(headings).toEqual([
      [2, 'Preconditions before normalization steps'],
      [2, 'Rewarding conquest signals to other powers'],
      [2, "Russia's rare earth offer as strategic asset"],
      [2, 'Ceasefire pause versus durable peace risk'],
      [2, "Conservative's hardest question"],
      [2, "Liberal's hardest question"],
      [2, 'The Divide'],
      [3, 'MAGA/POPULIST-RIGHT'],
      [3, 'ESTABLISHMENT/HAWK-RIGHT'],
      [3, 'PROGRESSIVE/ANTI-WAR-LEFT'],
      [3, 'MAINSTREAM-DEM/INTERNATIONALIST'],
      [2, 'Both sides agree'],
      [2, 'The real conflict'],
      [2, 'What nobody has answered'],
      [2, 'Sources'],
    ]);
  });

  it('labels 20 turns, alternating C/L within every topic', () => {
    expect(turns).toHaveLength(20);
    expect(turns.filter((turn) => turn.speaker === 'L')).toHaveLength(10);
    expect(turns.filter((turn) => turn.speaker === 'C')).toHaveLength(10);
    expect(turns.map((turn) => turn.speaker).join('')).toBe('CLCL'.repeat(5));
    expect([...speakersByTopic(parsed.blocks).entries()]).toEqual([
      ['', 'CLCL'],
      ['Preconditions before normalization steps', 'CLCL'],
      ['Rewarding conquest signals to other powers', 'CLCL'],
      ["Russia's rare earth offer as strategic asset", 'CLCL'],
      ['Ceasefire pause versus durable peace risk', 'CLCL'],
    ]);
  });

  it('gives each marked turn exactly the line after its marker', () => {
    const marked = seedLines.flatMap((line, i) =>
      line === 'L' || line === 'C' ? [{ speaker: line, text: seedLines[i + 1] }] : [],
    );
    expect(marked).toHaveLength(19);
    // The first turn is the unmarked opening statement; the 19 others follow markers.
    expect(turns.slice(1).map((turn) => ({ speaker: turn.speaker, text: turn.text }))).toEqual(marked);
  });

  it('infers the unmarked opening statement as a C turn and says so', () => {
    expect(turns[0]?.text).toMatch(/^Three years of maximum pressure/);
    expect(turns[0]?.speaker).toBe('C');
    expect(parsed.warnings).toEqual([expect.stringMatching(/Inferred speaker "C" for the unmarked opening turn/)]);
  });

  it('has 59 blocks: 3 intro, 20 turns, 15 headings, 10 paragraphs, 1 quote, 10 sources', () => {
    const kinds = parsed.blocks.reduce<Record<string, number>>(
      (counts, block) => ({ ...counts, [block.kind]: (counts[block.kind] ?? 0) + 1 }),
      {},
    );
    expect(parsed.blocks).toHaveLength(59);
    expect(kinds).toEqual({ paragraph: 13, turn: 20, heading: 15, quote: 1, list_item: 10 });
  });

  it('never keeps a speaker marker as text', () => {
    expect(parsed.blocks.some((block) => /^[LC]$/.test(block.text))).toBe(false);
  });

  it('keeps the hardest questions and the Divide as prose, with the Rubio line as a quote', () => {
    const after = (heading: string): Block | undefined =>
      parsed.blocks[parsed.blocks.findIndex((block) => block.text === heading) + 1];
    expect(after("Conservative's hardest question")).toMatchObject({
      kind: 'paragraph',
      text: expect.stringMatching(/^The most serious vulnerability/),
    });
    expect(after("Liberal's hardest question")).toMatchObject({
      kind: 'paragraph',
      text: expect.stringMatching(/^The strongest challenge/),
    });
    // The emphasis stars of the italic line are markup, not words.
    expect(after('The Divide')).toEqual({
      kind: 'paragraph',
      text: 'Both parties fracture over whether engagement with Putin is pragmatic necessity or catastrophic capitulation.',
    });
    expect(parsed.blocks.filter((block) => block.kind === 'quote')).toEqual([
      { kind: 'quote', text: '“The first step of a long and difficult journey.” — Marco Rubio' },
    ]);
  });

  it('splits the labelled summary lines into a heading and its text', () => {
    const after = (heading: string): string | undefined =>
      parsed.blocks[parsed.blocks.findIndex((block) => block.text === heading) + 1]?.text;
    expect(after('Both sides agree')).toMatch(/^Both sides accept that U\.S\.-Russia communication channels/);
    expect(after('The real conflict')).toMatch(/^FACT DISPUTE: Whether Russian signals/);
    expect(after('What nobody has answered')).toMatch(/^If the stated precondition for 'serious changes'/);
  });

  it('turns the Sources section into ten list items', () => {
    const start = parsed.blocks.findIndex((block) => block.text === 'Sources');
    const sources = parsed.blocks.slice(start + 1);
    expect(sources).toHaveLength(10);
    expect(sources.every((block) => block.kind === 'list_item' && block.ordered === false)).toBe(true);
    expect(sources[0]?.text).toBe('U.S. State Department statements on Riyadh talks, February 18, 2025');
    expect(sources[6]?.text).toBe(
      'Reporting on Kirill Dmitriev Washington visit and meetings with Witkoff and Rubio, April 2025',
    );
    expect(sources[9]?.text).toBe(
      'Web search compilation on U.S.-Russia diplomatic normalization, current as of April 2025',
    );
  });

  it('keeps every text line of the seed (except the title and markers) in the canonical text', () => {
    const canonical = canonicalize(parsed.blocks).text;
    const missing = seedLines
      .slice(1)
      .filter((line) => !/^[LC]$/.test(line))
      .map((line) => line.replace(/^\*(.*)\*$/, '$1'))
      .filter(
        (line) =>
          !canonical.includes(line.replace(/^(Both sides agree|The real conflict|What nobody has answered): /, '')),
      );
    expect(missing).toEqual([]);
  });
});

describe('debate layout', () => {
  it('gives a turn several paragraphs until the next marker or heading', () => {
    const text = [
      'A debate title',
      'Intro paragraph that sets the scene for the exchange below, long enough to be prose.',
      'A',
      'First turn, paragraph one, which makes the case.',
      'First turn, paragraph two, which continues it.',
      'B',
      'Second turn answering the first.',
      'A',
      'Third turn.',
      'B',
      'Fourth turn.',
      'Closing notes',
      'A closing paragraph after the turns, not a turn itself.',
    ].join('\n');
    const parsed = parsePlainText(text);
    expect(parsed.blocks.map((block) => [block.kind, block.speaker ?? block.level ?? ''])).toEqual([
      ['paragraph', ''],
      ['turn', 'A'],
      ['turn', 'A'],
      ['turn', 'B'],
      ['turn', 'A'],
      ['turn', 'B'],
      ['heading', 2],
      ['paragraph', ''],
    ]);
    expect(parsed.warnings).toEqual([]);
  });

  it('does not infer an opening turn when topics do not agree on who opens', () => {
    const text = [
      'T',
      'Intro.',
      'Opening statement before any marker.',
      'L',
      'x1',
      'C',
      'x2',
      'Topic one',
      'L',
      'y1',
      'C',
      'y2',
      'Topic two',
      'C',
      'z1',
      'L',
      'z2',
    ].join('\n');
    const parsed = parsePlainText(text);
    expect(parsed.blocks.find((block) => block.text === 'Opening statement before any marker.')?.kind).toBe(
      'paragraph',
    );
  });

  it('can be switched off', () => {
    const parsed = parsePlainText(readSeed('debate'), { layout: 'article' });
    expect(parsed.blocks.some((block) => block.kind === 'turn')).toBe(false);
    expect(parsed.blocks.some((block) => block.text === 'L')).toBe(true);
  });

  it('is not detected in ordinary text that has a stray capital-letter line', () => {
    const parsed = parsePlainText('Title\nA paragraph of text.\nB\nAnother paragraph of text.');
    expect(parsed.blocks.some((block) => block.kind === 'turn')).toBe(false);
  });
});
