import { describe, expect, it } from 'vitest';
import { clearHighlights, drawHighlights, HIGHLIGHT_ATTRIBUTE, quoteOfRange, textMapOf } from './highlighter.ts';

const ID_A = '2b0c7f1e-8a55-4c4e-9a57-9f1d1c2b3a4d';
const ID_B = '9c0c7f1e-8a55-4c4e-9a57-9f1d1c2b3a4e';

function articleOf(html: string): HTMLElement {
  document.body.innerHTML = `<article data-marginalia-article>${html}</article>`;
  return document.querySelector('article')!;
}

describe('highlights on the host’s text', () => {
  it('wraps each passage found by its quote, even across the host’s inline markup', () => {
    const article = articleOf('<p>The river meets <em>the sea</em> twice a day.</p>\n<p>Fishermen read the water.</p>');
    const drawn = drawHighlights(article, [
      { id: ID_A, quote: { exact: 'meets the sea twice', prefix: 'The river ', suffix: ' a day.' }, count: 3 },
      { id: ID_B, quote: { exact: 'read the water', prefix: 'Fishermen ', suffix: '.' }, count: 1 },
      { id: ID_B.replace('e', 'f'), quote: { exact: 'not in this page', prefix: '', suffix: '' }, count: 1 },
    ]);
    expect(drawn).toBe(2);
    const marks = [...article.querySelectorAll(`mark[${HIGHLIGHT_ATTRIBUTE}]`)];
    expect(
      marks
        .filter((m) => m.getAttribute(HIGHLIGHT_ATTRIBUTE) === ID_A)
        .map((m) => m.textContent)
        .join(''),
    ).toBe('meets the sea twice');
    expect(marks.find((m) => m.getAttribute(HIGHLIGHT_ATTRIBUTE) === ID_B)?.textContent).toBe('read the water');
    // Readers of the page lose nothing: its text is unchanged, and the marks are reachable.
    expect(article.textContent).toBe('The river meets the sea twice a day.\nFishermen read the water.');
    expect(marks.every((m) => (m as HTMLElement).tabIndex === 0)).toBe(true);
    expect(article.querySelector('em')?.textContent).toBe('the sea');
  });

  it('takes the highlights out again, leaving the host’s markup as it was', () => {
    const html = '<p>The river meets <em>the sea</em> twice a day.</p>';
    const article = articleOf(html);
    drawHighlights(article, [{ id: ID_A, quote: { exact: 'river meets the', prefix: 'The ', suffix: '' }, count: 1 }]);
    clearHighlights(article);
    expect(article.innerHTML).toBe(html);
  });

  it('quotes a selection with its context', () => {
    const article = articleOf('<p>The river meets <em>the sea</em> twice a day.</p>');
    const range = document.createRange();
    const em = article.querySelector('em')!.firstChild!;
    range.setStart(article.querySelector('p')!.firstChild!, 4);
    range.setEnd(em, 3);
    expect(quoteOfRange(article, range)).toEqual({
      exact: 'river meets the',
      prefix: 'The ',
      suffix: ' sea twice a day.',
    });
    expect(textMapOf(article).text).toBe('The river meets the sea twice a day.');
  });
});
