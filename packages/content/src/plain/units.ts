import { cleanLine } from '../text/whitespace.js';

/** A candidate block: one line, or one blank-line-separated paragraph of wrapped lines. */
export interface Unit {
  text: string;
  /** Set when a layout (debate) has already decided this unit is a speaker's turn. */
  speaker?: string;
  /** A blank line separates this unit from the previous one. */
  gapBefore?: boolean;
}

function firstWordLength(line: string): number {
  const space = line.indexOf(' ');
  return space < 0 ? line.length : space;
}

/**
 * A run of lines is hard-wrapped prose when every line but the last was filled up to the
 * wrap width: the next line's first word would not have fitted. A list of short items, or
 * a heading directly above its paragraph, fails this test and stays split into lines.
 */
function isHardWrapped(lines: readonly string[]): boolean {
  if (lines.length < 2) return false;
  const width = Math.max(...lines.map((line) => line.length));
  if (width < 40 || width > 120) return false;
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    if (/^([-*+•]|\d{1,3}[.)])\s/.test(next)) return false;
    if (line.length + 1 + firstWordLength(next) <= width) return false;
  }
  return true;
}

/**
 * Splits a document into units. Documents without blank lines (one paragraph per line, as
 * scraped pages and the debate export are) get one unit per line; documents with blank
 * lines get one unit per paragraph, unless the lines of a paragraph are clearly separate.
 */
export function splitUnits(text: string): Unit[] {
  const lines = text.split('\n').map(cleanLine);
  const hasBlankLines = lines.some((line, i) => line === '' && i > 0 && i < lines.length - 1);
  const units: Unit[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const gapBefore = hasBlankLines && units.length > 0;
    if (hasBlankLines && isHardWrapped(run)) units.push({ text: run.join(' '), gapBefore });
    else run.forEach((line, i) => units.push({ text: line, gapBefore: gapBefore && i === 0 }));
    run = [];
  };
  for (const line of lines) {
    if (line === '') flush();
    else run.push(line);
  }
  flush();
  return units;
}
