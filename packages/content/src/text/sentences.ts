/**
 * Sentence boundaries good enough for deriving titles: a terminal mark followed by a space
 * and a capital/quote/digit, unless the word before it is an abbreviation ("U.S.", "Mr.").
 */

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'vs',
  'etc',
  'gen',
  'sen',
  'rep',
  'gov',
  'lt',
  'col',
  'capt',
  'sgt',
  'no',
  'inc',
  'ltd',
  'co',
  'corp',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'fig',
  'approx',
  'dept',
  'est',
]);

function isAbbreviation(word: string): boolean {
  const bare = word.replace(/^[("“‘'[]+/, '');
  if (bare.includes('.')) return true; // "U.S", "e.g", "a.m"
  if (/^[A-Z]$/.test(bare)) return true; // initials: "J. Smith"
  return ABBREVIATIONS.has(bare.toLowerCase());
}

/** The first sentence of a paragraph (the whole text when no boundary is found). */
export function firstSentence(text: string): string {
  const boundary = /[.!?…]+["”’)]*(?=\s+["“‘(]?[A-Z0-9\u00c0-\u024f\u0400-\u04ff])/g;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const before = text.slice(0, match.index);
    const lastWord = before.slice(before.lastIndexOf(' ') + 1);
    if (match[0].startsWith('.') && match[0].length === 1 && isAbbreviation(lastWord)) continue;
    return text.slice(0, match.index + match[0].length).trim();
  }
  return text.trim();
}

export const MAX_DERIVED_TITLE = 140;

/** A title derived from running text: its first sentence, without the final period, capped. */
export function deriveTitle(text: string): string {
  let title = firstSentence(text).replace(/\.$/, '').trim();
  if (title.length > MAX_DERIVED_TITLE) {
    const cut = title.slice(0, MAX_DERIVED_TITLE - 1);
    const space = cut.lastIndexOf(' ');
    title = `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:—–-]+$/, '')}…`;
  }
  return title;
}
