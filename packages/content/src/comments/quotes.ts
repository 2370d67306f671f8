import { LEGACY_QUOTE_LINE } from './markdown-body.js';

/**
 * Quotations a commenter copied from somewhere: block-quoted lines (`blockquote>` / `>`)
 * and text between double quote marks. Exports mix straight and typographic marks and
 * sometimes open with a closing mark (`”…quote…”`), so marks are paired by position:
 * a mark before a word opens, a mark after a word closes.
 */

const DOUBLE_QUOTE = /["“”„«»]/g;
const QUOTE_MARKS = /^[\s"“”„«»]+|[\s"“”„«»]+$/g;
const MAX_QUOTE_LENGTH = 3000;

export function stripQuoteMarks(text: string): string {
  return text.replace(QUOTE_MARKS, '');
}

function isSpace(char: string | undefined): boolean {
  return char === undefined || /\s/.test(char);
}

/** [start, end) ranges (including the marks) of the quotations of one paragraph. */
export function quotationRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let open: number | undefined;
  for (const match of text.matchAll(DOUBLE_QUOTE)) {
    const at = match.index;
    const mark = match[0];
    const before = text[at - 1];
    const after = text[at + 1];
    const canOpen =
      mark !== '»' &&
      !isSpace(after) &&
      (isSpace(before) || /[([—–-]/.test(before ?? '') || mark === '“' || mark === '„' || mark === '«');
    const canClose =
      mark !== '“' &&
      mark !== '„' &&
      mark !== '«' &&
      (isSpace(after) || /[\s.,;:!?)\]—–-]/.test(after ?? '') || !isSpace(before));
    if (open !== undefined && canClose) {
      if (at - open <= MAX_QUOTE_LENGTH) ranges.push([open, at + 1]);
      open = undefined;
    } else if (canOpen) {
      open = at;
    }
  }
  return ranges;
}

export function extractQuotes(body: string): string[] {
  const quotes: string[] = [];
  for (const line of body.split('\n')) {
    const quoted = LEGACY_QUOTE_LINE.exec(line);
    if (quoted?.[1]) quotes.push(stripQuoteMarks(quoted[1]));
  }
  for (const paragraph of body.split(/\n{2,}/)) {
    const text = paragraph.replace(/\n/g, ' ');
    for (const [start, end] of quotationRanges(text)) {
      const inner = text.slice(start + 1, end - 1).trim();
      if (inner) quotes.push(inner);
    }
  }
  return quotes;
}

/** The body with its quotations blanked out: what the commenter wrote themselves. */
export function ownWords(body: string): string {
  return body
    .split(/\n{2,}/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .filter((line) => !LEGACY_QUOTE_LINE.test(line))
        .join(' '),
    )
    .map((text) => {
      let own = '';
      let from = 0;
      for (const [start, end] of quotationRanges(text)) {
        own += `${text.slice(from, start)} `;
        from = end;
      }
      return own + text.slice(from);
    })
    .join('\n\n');
}
