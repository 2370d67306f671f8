/**
 * Line patterns of the plain-text importer. Every pattern is applied to a single line or
 * paragraph and is linear: no nested quantifiers, bounded repetitions only.
 */

/** `- Site Name - https://example.com -` (WordPress print header). */
export const SITE_LINE = /^[-–—]\s*(\S.{0,120}?)\s+[-–—]\s+(https?:\/\/\S+?)\s*(?:[-–—]\s*)?$/;

/** `Read the original article here`, `Continue reading …`, `Click here for the full story`. */
const PLACEHOLDER = /^(?:read|view|see|visit|open|continue reading|click here|full story|source)\b.{0,80}$/i;
const PLACEHOLDER_TARGET = /\b(?:here|original|article|story|source|full|link)\b/i;
export const URL = /https?:\/\/[^\s<>"”)\]]+/;

export function isLinkPlaceholder(text: string): boolean {
  if (text.length > 120 || !PLACEHOLDER.test(text)) return false;
  const withoutUrl = text.replace(URL, '').trim();
  // The target word must follow the verb: "Source: Reuters" is an attribution, not a link.
  const afterVerb = withoutUrl.replace(/^\S+/, '');
  return PLACEHOLDER.test(withoutUrl) && PLACEHOLDER_TARGET.test(afterVerb) && !/[.!?]\s+\S/.test(withoutUrl);
}

export const BULLET = /^(?:[-*+•◦▪‣]\s+)(\S.*)$/;
export const ORDERED = /^(\d{1,3})[.)]\s+(\S.*)$/;

/** `Jane Doe is senior editor at Example.` – kept as text, and names the author. */
const BYLINE_SENTENCE =
  /^(?:By\s+)?(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3})\s+(?:is|was|serves as)\s+(?:an?\s+|the\s+)?(?:[\p{L}-]+\s+){0,3}?(?:editor|writer|columnist|correspondent|reporter|contributor|fellow|professor|author|journalist|analyst|director|blogger|researcher|scholar|host|producer)\b/u;

/** A short `By Jane Doe` line: metadata, not article text. */
const BY_LINE = /^By\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})\s*(?:[,|–—-].{0,60})?$/u;

export function bylineSentenceAuthor(text: string): string | undefined {
  if (text.length > 300) return undefined;
  return BYLINE_SENTENCE.exec(text)?.[1];
}

export function byLineAuthor(text: string): string | undefined {
  if (text.length > 100) return undefined;
  return BY_LINE.exec(text)?.[1];
}

/** A line that is one quotation, optionally attributed: `“…” — Marco Rubio`. */
export const QUOTE_LINE = /^["“«„][^"“”«»„]{8,}["”»](?:\s*[—–-]{1,2}\s*\S.{0,80})?$/;
export const MARKDOWN_QUOTE = /^>\s?(.*)$/;
/** A whole line in emphasis markers (`*…*` or `_…_`): keep the words, drop the markers. */
export const EMPHASIS_LINE = /^([*_])([^*_]+)\1$/;

/** A debate speaker marker: a lone one- or two-letter capital label (`L`, `C`, `Q`). */
export const SPEAKER_MARKER = /^[A-Z]{1,2}$/;

/** `Both sides agree: …` – a label introducing its section's text (debate summaries). */
export const LABELLED_LINE = /^(\p{Lu}[^:.!?]{2,48}):\s+(\S.*)$/u;

const TERMINAL = /[.,;:!?…]$/;
const STARTS_LIKE_HEADING = /^[\p{Lu}\p{N}"“'‘(]/u;

/** Short, unpunctuated, capitalised: a heading or a list entry, depending on neighbours. */
export function isHeadingLike(text: string): boolean {
  if (text.length === 0 || text.length > 100) return false;
  if (TERMINAL.test(text) || !STARTS_LIKE_HEADING.test(text)) return false;
  if (!/\p{L}/u.test(text) || SPEAKER_MARKER.test(text)) return false;
  if (/^https?:\/\//.test(text) || BULLET.test(text) || ORDERED.test(text)) return false;
  if (QUOTE_LINE.test(text)) return false;
  return text.split(' ').length <= 12;
}

export function isAllCaps(text: string): boolean {
  return !/\p{Ll}/u.test(text) && (text.match(/\p{Lu}/gu)?.length ?? 0) >= 3;
}

/** Section names that introduce a list of references rather than prose. */
export const LIST_SECTION =
  /^(?:sources|references|see also|further reading|external links|links|notes|bibliography|citations|reading list)$/i;

/** An entry of a list: short, one line, not introducing something else. */
export function isListLike(text: string): boolean {
  return text.length > 0 && text.length <= 250 && text.split(' ').length <= 40 && !text.endsWith(':');
}
