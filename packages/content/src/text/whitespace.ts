/**
 * Input normalisation shared by every format. Canonical text must be stable across
 * re-imports, so line endings, Unicode composition and invisible characters are settled
 * once here.
 */

// Zero-width characters and the BOM carry no reading value and break quote matching.
const INVISIBLE = /\u200b|\u200c|\u200d|\u2060|\ufeff/g;
// Horizontal whitespace of every flavour (tabs, NBSP, thin spaces …) becomes one space.
const HORIZONTAL_SPACE = /[\t\v\f \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;

/** LF line endings, NFC composition, no invisible characters. */
export function normalizeDocument(text: string): string {
  return text
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .normalize('NFC')
    .replace(INVISIBLE, '');
}

/** Collapses horizontal whitespace in one line and trims it. */
export function cleanLine(line: string): string {
  return line.replace(HORIZONTAL_SPACE, ' ').trim();
}

/**
 * Cleans a block's text: each line cleaned, empty lines removed, so the result never
 * contains the block separator "\n\n".
 */
export function cleanBlockText(text: string): string {
  return text
    .split('\n')
    .map(cleanLine)
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Joins wrapped lines of one paragraph into a single line. */
export function joinLines(text: string): string {
  return cleanLine(text.replace(/\n+/g, ' '));
}
