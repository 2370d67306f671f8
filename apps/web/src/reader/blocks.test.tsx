import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Block } from '../api/types.ts';
import { ArticleBody } from './ArticleBody.tsx';
import { offsetsToRange, rangeToOffsets } from './selection.ts';
import type { HighlightSpan } from './segments.ts';

/** Positions blocks the way the server does: joined by "\n\n", offsets in code points. */
function positioned(blocks: Array<Omit<Block, 'start' | 'end'>>): Block[] {
  let offset = 0;
  return blocks.map((b, i) => {
    if (i > 0) offset += 2;
    const start = offset;
    offset += [...b.text].length;
    return { ...b, start, end: offset };
  });
}

const BLOCKS = positioned([
  { kind: 'paragraph', text: 'An opening paragraph 🙂 before any heading.' },
  { kind: 'heading', text: 'First section', level: 1 },
  { kind: 'paragraph', text: 'Body text with a link.', href: 'https://example.com/source' },
  { kind: 'quote', text: 'A quoted passage.' },
  { kind: 'list_item', text: 'Bullet one' },
  { kind: 'list_item', text: 'Bullet two' },
  { kind: 'list_item', text: 'Step one', ordered: true },
  { kind: 'heading', text: 'Debate', level: 2 },
  { kind: 'turn', text: 'I open for the motion.', speaker: 'L' },
  { kind: 'turn', text: 'I reply against it.', speaker: 'C' },
  { kind: 'code', text: 'const x = 1;' },
  { kind: 'paragraph', text: 'Unsafe link text', href: 'javascript:alert(1)' },
]);

const textOf = (kind: Block['kind'], index = 0): Block => BLOCKS.filter((b) => b.kind === kind)[index]!;

function renderBody(spans: HighlightSpan[] = [], activeId: string | null = null) {
  const utils = render(<ArticleBody blocks={BLOCKS} spans={spans} activeId={activeId} />);
  const body = utils.container.querySelector<HTMLElement>('.article-body')!;
  return { ...utils, body };
}

describe('ArticleBody block rendering', () => {
  it('renders headings as sections one level below the page title', () => {
    renderBody();
    const heading = screen.getByRole('heading', { name: 'First section' });
    expect(heading.tagName).toBe('H2');
    expect(screen.getByRole('heading', { name: 'Debate' }).tagName).toBe('H3');
    expect(heading.closest('section')).toHaveProperty('tagName', 'SECTION');
    expect(screen.getByRole('region', { name: 'First section' })).toBeTruthy();
  });

  it('puts code-point offsets on every block element', () => {
    const { body } = renderBody();
    const elements = [...body.querySelectorAll('[data-start][data-end]')];
    expect(elements.map((el) => [Number(el.getAttribute('data-start')), Number(el.getAttribute('data-end'))])).toEqual(
      BLOCKS.map((b) => [b.start, b.end]),
    );
    // Each element's text is exactly its block's text (nothing decorative inside).
    expect(elements.map((el) => el.textContent)).toEqual(BLOCKS.map((b) => b.text));
  });

  it('renders paragraphs, quotes and code blocks with their own elements', () => {
    const { body } = renderBody();
    expect(body.querySelector(`p[data-start="${textOf('paragraph').start}"]`)?.textContent).toContain('opening');
    expect(body.querySelector('blockquote > p')?.textContent).toBe('A quoted passage.');
    expect(body.querySelector('pre > code')?.textContent).toBe('const x = 1;');
  });

  it('groups consecutive list items into ul and ol', () => {
    renderBody();
    const lists = screen.getAllByRole('list');
    expect(lists.map((l) => l.tagName)).toEqual(['UL', 'OL']);
    expect(
      within(lists[0]!)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Bullet one', 'Bullet two']);
    expect(within(lists[1]!).getAllByRole('listitem')).toHaveLength(1);
  });

  it('shows debate turns with a speaker badge that is announced but not part of the text', () => {
    const { body } = renderBody();
    const turns = [...body.querySelectorAll('.block-turn')];
    expect(turns).toHaveLength(2);
    expect(turns[0]!.className).toContain('speaker-a');
    expect(turns[1]!.className).toContain('speaker-b');
    expect(within(turns[0] as HTMLElement).getByText('Speaker L:').className).toBe('visually-hidden');
    expect(turns[1]!.querySelector('[aria-hidden="true"]')?.textContent).toBe('C');
    expect(turns[0]!.querySelector('[data-start]')?.textContent).toBe('I open for the motion.');
  });

  it('keeps safe source links and drops unsafe ones', () => {
    renderBody();
    const link = screen.getByRole('link', { name: 'Body text with a link.' });
    expect(link.getAttribute('href')).toBe('https://example.com/source');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(screen.queryByRole('link', { name: 'Unsafe link text' })).toBeNull();
    expect(screen.getByText('Unsafe link text').tagName).toBe('P');
  });

  it('wraps discussed passages in marks, graded by discussion weight', () => {
    const first = textOf('paragraph');
    const quote = textOf('quote');
    const { body } = renderBody(
      [
        { id: 't1', start: first.start + 3, end: first.start + 10, weight: 1 },
        { id: 't2', start: quote.start, end: quote.start + 8, weight: 9 },
      ],
      't2',
    );
    const marks = [...body.querySelectorAll('mark')];
    expect(marks.map((m) => [m.textContent, m.dataset.threads])).toEqual([
      ['opening', 't1'],
      ['A quoted', 't2'],
    ]);
    expect(marks[0]!.className).toContain('hl-1');
    expect(marks[1]!.className).toContain('hl-4');
    expect(marks[1]!.className).toContain('is-active');
  });

  it('stays consistent with the selection mapping, with highlights and emoji in place', () => {
    const first = textOf('paragraph');
    const { body } = renderBody([{ id: 't', start: first.start + 18, end: first.start + 25, weight: 2 }]);
    for (const block of BLOCKS) {
      expect(offsetsToRange(body, block.start, block.end)?.toString()).toBe(block.text);
    }
    // A selection across the highlight and the emoji maps back to the same offsets.
    const range = offsetsToRange(body, first.start + 15, first.start + 29)!;
    expect(range.toString()).toBe('graph 🙂 before');
    expect(rangeToOffsets(range, body)).toEqual({ start: first.start + 15, end: first.start + 29 });
    // And a selection spanning several blocks.
    const multi = offsetsToRange(body, textOf('list_item').start + 7, textOf('turn').start + 6)!;
    expect(rangeToOffsets(multi, body)).toEqual({
      start: textOf('list_item').start + 7,
      end: textOf('turn').start + 6,
    });
  });
});
