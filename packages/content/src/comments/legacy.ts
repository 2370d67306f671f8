import { cleanLine } from '../text/whitespace.js';
import { parseLegacyTimestamp } from './dates.js';

/**
 * WordPress "print" layout of a post with its comments:
 *
 *   19 Comments (Open | Close)
 *   19 Comments To "Post title"
 *   #1 Comment By NAME On DATE @ TIME
 *   body …
 *
 * The count line ends the article; each `#N Comment By` header starts a comment.
 */

export interface LegacyComment {
  number: number;
  authorName: string;
  postedAt: string;
  /** Plain text: lines cleaned, paragraphs separated by one blank line. */
  body: string;
}

export interface LegacySplit {
  /** The text before the comments section. */
  article: string;
  comments: LegacyComment[];
  /** Title quoted in the `N Comments To "…"` line. */
  declaredTitle?: string;
  sourceUrl?: string;
  warnings: string[];
}

const COUNT_TO = /^(\d{1,6})\s+Comments?\s+To\s+["“”'‘’](.{1,300})["“”'‘’]$/i;
const COUNT_TOGGLE = /^\d{1,6}\s+Comments?\s*\(\s*Open\s*\|\s*Close\s*\)$/i;
const HEADER_START = /^#\d{1,6}\s+Comment\s+By\s+/i;
// Only applied to short lines (see MAX_HEADER), so the backtracking stays bounded.
const HEADER =
  /^#(\d{1,6})\s+Comment\s+By\s+(.+)\s+On\s+(.+?)\s+@\s+(\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?)$/i;
const MAX_HEADER = 300;
/** Footer lines of the print layout; they end the last comment. */
const FOOTER = /^(?:Article printed from|URL to article:|URLs in this post:)/i;
const ARTICLE_URL = /^URL to article:\s*(https?:\/\/\S+)/i;

function isHeader(line: string): boolean {
  return line.length <= MAX_HEADER && HEADER_START.test(line) && HEADER.test(line);
}

function cleanBody(lines: readonly string[]): string {
  return lines
    .map(cleanLine)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function hasLegacyComments(text: string): boolean {
  return text.split('\n').some((line) => isHeader(cleanLine(line)));
}

export function splitLegacyComments(text: string): LegacySplit {
  const lines = text.split('\n');
  const warnings: string[] = [];
  let declaredCount: number | undefined;
  let declaredTitle: string | undefined;
  let sourceUrl: string | undefined;
  let articleEnd = lines.length;
  const comments: LegacyComment[] = [];
  let current: { header: RegExpExecArray; lines: string[] } | undefined;
  let inFooter = false;
  const seen = new Set<number>();

  const finish = (): void => {
    if (!current) return;
    const [, number = '0', author = '', date = '', time = ''] = current.header;
    const previous = comments[comments.length - 1];
    let postedAt = parseLegacyTimestamp(date, time);
    if (!postedAt) {
      warnings.push(
        `Comment #${number}: could not read the date "${date} @ ${time}"; used the previous comment's time.`,
      );
      postedAt = previous?.postedAt ?? new Date(0).toISOString();
    }
    let value = Number(number);
    if (seen.has(value)) {
      // Replies point at numbers, so they must stay unique; the next free number keeps order.
      const renumbered = Math.max(...seen) + 1;
      warnings.push(`Comment number #${value} appears more than once; the later one is imported as #${renumbered}.`);
      value = renumbered;
    }
    seen.add(value);
    comments.push({ number: value, authorName: cleanLine(author), postedAt, body: cleanBody(current.lines) });
    current = undefined;
  };

  lines.forEach((raw, index) => {
    const line = cleanLine(raw);
    const count = COUNT_TO.exec(line);
    if (!current && comments.length === 0 && (count || COUNT_TOGGLE.test(line))) {
      articleEnd = Math.min(articleEnd, index);
      if (count) {
        declaredCount = Number(count[1]);
        declaredTitle = count[2]?.trim();
      }
      return;
    }
    if (isHeader(line)) {
      articleEnd = Math.min(articleEnd, index);
      finish();
      current = { header: HEADER.exec(line) as RegExpExecArray, lines: [] };
      inFooter = false;
      return;
    }
    if (current && FOOTER.test(line)) {
      finish();
      inFooter = true;
    }
    if (inFooter) {
      sourceUrl ??= ARTICLE_URL.exec(line)?.[1];
      return;
    }
    current?.lines.push(raw);
  });
  finish();

  if (declaredCount !== undefined && declaredCount !== comments.length) {
    warnings.push(`The page announces ${declaredCount} comments but ${comments.length} were found.`);
  }
  return {
    article: lines.slice(0, articleEnd).join('\n'),
    comments,
    warnings,
    ...(declaredTitle ? { declaredTitle } : {}),
    ...(sourceUrl ? { sourceUrl } : {}),
  };
}
