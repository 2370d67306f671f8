import { canonicalize } from '../blocks.js';
import { ContentError } from '../errors.js';
import { summarize } from '../summarize.js';
import { readSeed } from '../testing/fixtures.js';
import { parsePlainText } from './plain-text.js';

describe('wiki seed (002)', () => {
  const parsed = parsePlainText(readSeed('wiki'));

  it('drops the scraped "Edit" from the title', () => {
    expect(parsed.title).toBe('Relations With Russia');
  });

  it('recovers the five sections and 19 paragraphs', () => {
    expect(parsed.blocks.filter((block) => block.kind === 'heading').map((block) => block.text)).toEqual([
      'History and context',
      'Security, deterrence, and alliance dynamics',
      'Economic relations and energy policy',
      'Diplomacy, institutions, and public diplomacy',
      'Conflicts, disputes, and controversial issues',
    ]);
    expect(parsed.blocks.filter((block) => block.kind === 'paragraph')).toHaveLength(19);
    expect(summarize(parsed)).toMatchObject({ blocks: 24, sections: 5, comments: 0 });
    expect(parsed.blocks[0]?.text).toMatch(/^Relations With Russia describes the bilateral relationship/);
  });

  it('strips the trailing related-article link labels and lists them in a warning', () => {
    const history = parsed.blocks.find((block) => block.text.startsWith('The early 2020s'));
    expect(history?.text).toMatch(/in the modern era\.$/);
    const conflicts = parsed.blocks.find((block) => block.text.startsWith('Another contentious area'));
    expect(conflicts?.text).toMatch(/requires vigilance and strength\.$/);
    // A real last sentence that names articles is kept.
    expect(parsed.blocks.find((block) => block.text.startsWith('Russia’s hybrid'))?.text).toMatch(
      /see Economic sanctions and Cyberwarfare\.$/,
    );
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.warnings[0]).toMatch(
      /^Dropped 11 trailing wiki link lists: "New START", "Deterrence NATO Ukraine Russia"/,
    );
    expect(parsed.blocks.every((block) => /[.?]$/.test(block.text) || block.kind === 'heading')).toBe(true);
  });
});

describe('news seed (003)', () => {
  const parsed = parsePlainText(readSeed('news'));

  it('derives the title from the first sentence and keeps that paragraph', () => {
    expect(parsed.title).toBe(
      'Following February’s initial talks, U.S. and Russian delegations met in Istanbul to continue normalizing diplomatic operations',
    );
    expect(parsed.blocks[0]?.text).toMatch(/^Following February’s initial talks,.*comprehensive agreement\.$/);
  });

  it('drops the link placeholder line and warns that it had no URL', () => {
    expect(parsed.blocks).toHaveLength(9);
    expect(parsed.blocks.every((block) => block.kind === 'paragraph')).toBe(true);
    expect(parsed.blocks.some((block) => block.text.includes('Read the original article'))).toBe(false);
    expect(parsed.sourceUrl).toBeUndefined();
    expect(parsed.warnings).toEqual([
      'Dropped link placeholder "Read the original article here": it has no URL to keep.',
    ]);
  });
});

describe('plain text structure', () => {
  it('keeps a placeholder URL as the source link', () => {
    const parsed = parsePlainText(
      'Headline\n\nBody text of the story, in one sentence.\n\nRead the original article here: https://example.com/story?id=1',
    );
    expect(parsed.sourceUrl).toBe('https://example.com/story?id=1');
    expect(parsed.blocks.map((block) => block.text)).toEqual(['Body text of the story, in one sentence.']);
  });

  it('reads a site line, headings, a list introduced by a colon, bullets and a byline', () => {
    const parsed = parsePlainText(
      [
        '- Example Times - https://example.com -',
        '',
        'Baking Bread at Home',
        '',
        'Bread is easier than people think. This guide shows how.',
        '',
        'Ingredients',
        '',
        'You will need:',
        '',
        'Flour',
        'Water',
        'Salt',
        '',
        'Method',
        '',
        '- Mix everything.',
        '- Wait a day.',
        '1. Bake.',
        '',
        'Jane Roe is a staff writer at Example Times.',
      ].join('\n'),
    );
    expect(parsed).toMatchObject({
      title: 'Baking Bread at Home',
      siteName: 'Example Times',
      sourceUrl: 'https://example.com',
      author: 'Jane Roe',
    });
    expect(parsed.blocks.map((block) => [block.kind, block.text, block.ordered])).toEqual([
      ['paragraph', 'Bread is easier than people think. This guide shows how.', undefined],
      ['heading', 'Ingredients', undefined],
      ['paragraph', 'You will need:', undefined],
      ['list_item', 'Flour', false],
      ['list_item', 'Water', false],
      ['list_item', 'Salt', false],
      ['heading', 'Method', undefined],
      ['list_item', 'Mix everything.', false],
      ['list_item', 'Wait a day.', false],
      ['list_item', 'Bake.', true],
      ['paragraph', 'Jane Roe is a staff writer at Example Times.', undefined],
    ]);
  });

  it('keeps URLs of list entries as href', () => {
    const parsed = parsePlainText(
      'Title\nSome prose paragraph that introduces the topic at length.\nSources\nFirst source https://a.example/1\nSecond source',
    );
    expect(parsed.blocks.slice(2)).toEqual([
      { kind: 'list_item', text: 'First source https://a.example/1', ordered: false, href: 'https://a.example/1' },
      { kind: 'list_item', text: 'Second source', ordered: false },
    ]);
  });

  it('joins hard-wrapped lines and normalises whitespace', () => {
    const wrapped = [
      'Wrapped Title',
      '',
      'This paragraph was wrapped at about sixty characters by an',
      'old mail client, so its lines must be joined back into one',
      'paragraph.',
      '',
      '  Tabs\tand   NBSP\u00a0spaces  collapse, and CRLF endings go.  ',
    ].join('\r\n');
    const parsed = parsePlainText(wrapped);
    expect(parsed.blocks.map((block) => block.text)).toEqual([
      'This paragraph was wrapped at about sixty characters by an old mail client, so its lines must be joined back into one paragraph.',
      'Tabs and NBSP spaces collapse, and CRLF endings go.',
    ]);
  });

  it('never produces a block that contains a blank line or untrimmed text', () => {
    for (const seed of ['debate', 'opinion', 'wiki', 'news'] as const) {
      for (const block of parsePlainText(readSeed(seed)).blocks) {
        expect(block.text).not.toContain('\n\n');
        expect(block.text).toBe(block.text.trim());
        expect(block.text.length).toBeGreaterThan(0);
      }
    }
  });

  it('derives the title from the paragraph when the only line is a paragraph', () => {
    const parsed = parsePlainText('Just one line of text, nothing else. And a second sentence.');
    expect(parsed.title).toBe('Just one line of text, nothing else');
    expect(parsed.blocks).toHaveLength(1);
  });

  it('does not strip "Edit" when it is part of the title', () => {
    expect(parsePlainText('How to Edit\nA paragraph about editing.').title).toBe('How to Edit');
    expect(parsePlainText('HistoryEdit\nA paragraph about history.').title).toBe('History');
  });

  it('computes canonical offsets in code points', () => {
    const parsed = parsePlainText('Emoji 🎉 Title\n\nParty 🎉 time.\n\nSecond.');
    expect(canonicalize(parsed.blocks).blocks.map((block) => [block.start, block.end])).toEqual([
      [0, 13],
      [15, 22],
    ]);
  });

  it('rejects input with nothing to import', () => {
    expect(() => parsePlainText(' \n\t\n')).toThrow(expect.objectContaining({ code: 'EMPTY' }));
    expect(() => parsePlainText('Read the original article here')).toThrow(ContentError);
  });
});
