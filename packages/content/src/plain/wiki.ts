/**
 * Wiki scrapes: the "Edit" link of each section is glued to its heading ("HistoryEdit")
 * and the article's category/related-article links trail paragraphs as bare words
 * ("… in the modern era. New START").
 */

const GLUED_EDIT = /(?<=[\p{Ll}\p{N})])Edit$/u;
const SPACED_EDIT = /\s+Edit$/;
// "How to Edit", "Learn and Edit": there "Edit" is part of the title, not a scraped link.
const PART_OF_PHRASE = /\b(?:to|and|or|the|of|a|an|how|can|you|we|not|never|please|let|we'll|i)$/i;

export function stripEditSuffix(text: string): { text: string; stripped: boolean } {
  if (GLUED_EDIT.test(text)) return { text: text.replace(GLUED_EDIT, '').trim(), stripped: true };
  const rest = text.replace(SPACED_EDIT, '');
  if (rest !== text && rest.split(' ').length >= 2 && !PART_OF_PHRASE.test(rest))
    return { text: rest.trim(), stripped: true };
  return { text, stripped: false };
}

const SENTENCE_END = /[.!?]["”’)]*$/;

/**
 * Splits a paragraph into its prose and a trailing run of link labels: up to ten words
 * after the last sentence end, starting with a capital, without any punctuation.
 */
export function splitTrailingLinks(text: string): { text: string; links?: string } {
  let end = -1;
  for (let i = text.length - 1; i > 0; i--) {
    const char = text[i] ?? '';
    if (char === '.' || char === '!' || char === '?') {
      end = i + 1;
      break;
    }
  }
  if (end <= 0) return { text };
  while (end < text.length && /["”’)]/.test(text[end] ?? '')) end++;
  const trailer = text.slice(end).trim();
  if (!trailer || trailer.length > 80 || trailer.split(' ').length > 10) return { text };
  if (!/^[\p{Lu}\p{N}]/u.test(trailer) || /[,;:"“”]/.test(trailer)) return { text };
  const prose = text.slice(0, end).trim();
  if (!SENTENCE_END.test(prose)) return { text };
  return { text: prose, links: trailer };
}
