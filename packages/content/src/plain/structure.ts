import type { Block } from '../blocks.js';
import {
  BULLET,
  EMPHASIS_LINE,
  LABELLED_LINE,
  LIST_SECTION,
  MARKDOWN_QUOTE,
  ORDERED,
  QUOTE_LINE,
  URL,
  byLineAuthor,
  bylineSentenceAuthor,
  isAllCaps,
  isHeadingLike,
  isLinkPlaceholder,
  isListLike,
} from './patterns.js';
import type { Unit } from './units.js';

export interface StructureOptions {
  /** Whether `Label: text` at this unit index becomes a heading plus a paragraph. */
  splitLabel?: (index: number) => boolean;
}

export interface StructureResult {
  blocks: Block[];
  author?: string;
  /** A URL found on a dropped link placeholder line. */
  sourceUrl?: string;
  warnings: string[];
}

function listItem(text: string, ordered: boolean): Block {
  const href = URL.exec(text)?.[0];
  return { kind: 'list_item', text, ordered, ...(href ? { href } : {}) };
}

/** Shape tests of one unit, computed once: lists and heading runs look at them repeatedly. */
interface Shape {
  plain: boolean;
  headingLike: boolean;
  listLike: boolean;
  bullet: boolean;
  byline: boolean;
}

function shapeOf(unit: Unit): Shape {
  const text = unit.text;
  const plain = unit.speaker === undefined && !isLinkPlaceholder(text);
  const listLike = isListLike(text);
  return {
    plain,
    headingLike: plain && isHeadingLike(text),
    listLike,
    bullet: BULLET.test(text) || ORDERED.test(text),
    // Only consulted for list-like units; a byline needs a few words.
    byline: listLike && text.includes(' ') && bylineSentenceAuthor(text) !== undefined,
  };
}

/** Number of consecutive heading-like units starting at `from`. */
function headingRunLength(shapes: readonly Shape[], from: number): number {
  let end = from;
  while (shapes[end]?.headingLike) end++;
  return end - from;
}

/**
 * End (exclusive) of a list whose items start at `from`: list-like units, stopping at a
 * bullet (handled on its own), a byline, a blank line when the list's lines are tight, or
 * a heading-like unit followed by prose (the next section).
 */
function listEnd(units: readonly Unit[], shapes: readonly Shape[], from: number): number {
  const tight = units[from + 1]?.gapBefore === false;
  let end = from;
  for (let shape = shapes[end]; shape?.plain && shape.listLike; shape = shapes[end]) {
    if (end > from) {
      if (tight && units[end]?.gapBefore) break;
      if (shape.bullet || shape.byline) break;
      const next = shapes[end + 1];
      if (shape.headingLike && next && !next.listLike) break;
    }
    end++;
  }
  return end;
}

/**
 * Turns units into blocks with structure inferred from the units' shapes and neighbours:
 * short unpunctuated lines between paragraphs are headings, runs of them are lists,
 * bullets are list items, whole-line quotations are quotes, the rest are paragraphs.
 */
export function buildBlocks(units: readonly Unit[], options: StructureOptions = {}): StructureResult {
  const blocks: Block[] = [];
  const warnings: string[] = [];
  let author: string | undefined;
  let sourceUrl: string | undefined;
  let lastHeading: { level: number; allCaps: boolean } | undefined;

  const heading = (text: string): void => {
    const allCaps = isAllCaps(text);
    // An ALL-CAPS heading inside a mixed-case section is a subsection (debate camps).
    const nested = allCaps && lastHeading !== undefined && (lastHeading.level === 3 || !lastHeading.allCaps);
    const level = nested ? 3 : 2;
    lastHeading = { level, allCaps };
    blocks.push({ kind: 'heading', level, text });
  };

  const shapes = units.map(shapeOf);
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    if (!unit) continue;
    const text = unit.text;

    if (unit.speaker !== undefined) {
      blocks.push({ kind: 'turn', speaker: unit.speaker, text });
      continue;
    }
    if (isLinkPlaceholder(text)) {
      const url = URL.exec(text)?.[0];
      if (url) {
        sourceUrl ??= url;
        warnings.push(`Dropped link line "${text}"; kept ${url} as the source link.`);
      } else {
        warnings.push(`Dropped link placeholder "${text}": it has no URL to keep.`);
      }
      continue;
    }
    const bullet = BULLET.exec(text);
    if (bullet?.[1]) {
      blocks.push(listItem(bullet[1], false));
      continue;
    }
    const ordered = ORDERED.exec(text);
    if (ordered?.[2]) {
      blocks.push(listItem(ordered[2], true));
      continue;
    }
    const labelled = options.splitLabel?.(i) ? LABELLED_LINE.exec(text) : null;
    if (labelled?.[1] && labelled[2] && labelled[1].split(' ').length <= 5) {
      heading(labelled[1].trim());
      blocks.push({ kind: 'paragraph', text: labelled[2] });
      continue;
    }
    const run = headingRunLength(shapes, i);
    if (run > 0) {
      const previous = blocks[blocks.length - 1];
      const introducesList = previous?.kind === 'paragraph' && previous.text.endsWith(':');
      const atEnd = i + run === units.length;
      const listSection = LIST_SECTION.test(text) && !introducesList;
      if (run >= 3 || listSection) {
        // A run of short lines is a list; its first line names it unless a paragraph did.
        const first = introducesList ? i : i + 1;
        const end = listEnd(units, shapes, first);
        if (end > first) {
          if (!introducesList) heading(text);
          for (let j = first; j < end; j++) blocks.push(listItem(units[j]?.text ?? '', false));
          i = end - 1;
          continue;
        }
      }
      if (!atEnd) {
        for (let j = i; j < i + run; j++) heading(units[j]?.text ?? '');
        i += run - 1;
        continue;
      }
      // A short last line (a sign-off, a stray label) stays text.
    }
    const byLine = byLineAuthor(text);
    if (byLine && blocks.length <= 1) {
      author ??= byLine;
      continue;
    }
    const bylineAuthor = bylineSentenceAuthor(text);
    if (bylineAuthor) author ??= bylineAuthor;
    const markdownQuote = MARKDOWN_QUOTE.exec(text);
    if (markdownQuote?.[1]) {
      blocks.push({ kind: 'quote', text: markdownQuote[1] });
      continue;
    }
    if (QUOTE_LINE.test(text)) {
      blocks.push({ kind: 'quote', text });
      continue;
    }
    const emphasis = EMPHASIS_LINE.exec(text);
    blocks.push({ kind: 'paragraph', text: emphasis?.[2]?.trim() ?? text });
  }
  return { blocks, warnings, ...(author ? { author } : {}), ...(sourceUrl ? { sourceUrl } : {}) };
}
