import type { AuthorDirectory } from './authors.js';
import { isHonorific } from './names.js';

/**
 * Who a comment addresses: `@Name …` anywhere, or an opening line that starts with an
 * earlier commenter's name followed by a salutation mark (`Name:`, `Name,`, `Name (above)`,
 * `Name is right`, or the name alone on its line).
 */

const WORD = /[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu;
const GREETING = /^(?:re:|to:?|dear|hi|hey|hello)\s+/i;
const AFTER_NAME =
  /^\s*(?:$|[:,;!—–-]|\((?:above|below|#?\d{1,5})\)|(?:is|was|are)\s+(?:absolutely\s+|quite\s+|so\s+|exactly\s+)?(?:right|correct|wrong|mistaken)\b|(?:makes|made|raises|raised)\s+(?:a|an|some)\s+(?:\p{L}+\s+)?points?\b|(?:says|said|writes|wrote|asks|asked)\b)/iu;
const MENTION = /(?:^|\s)@(\p{L}[\p{L}\p{N}_’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)?)/gu;
const MAX_NAME_WORDS = 4;
const MAX_MENTIONS = 10;

interface Candidate {
  number: number;
  distance: number;
  /** Words of the written name: a longer match is more specific. */
  words: number;
}

function better(a: Candidate | undefined, b: Candidate | undefined): Candidate | undefined {
  if (!a) return b;
  if (!b) return a;
  if (b.distance < a.distance || (b.distance === a.distance && b.words > a.words)) return b;
  return a;
}

function lookup(
  authors: AuthorDirectory,
  written: string,
  withHonorific: boolean,
  words: number,
  self: string,
): Candidate | undefined {
  const found = authors.match(written, withHonorific, self);
  return found ? { ...found, words } : undefined;
}

function openingAddressee(opening: string, authors: AuthorDirectory, self: string): Candidate | undefined {
  let line = opening.trim().slice(0, 300);
  const atForm = line.startsWith('@');
  line = line.replace(/^@/, '').replace(GREETING, '');
  const words = [...line.matchAll(WORD)].slice(0, MAX_NAME_WORDS + 1).map((match) => {
    const text = match[0].replace(/\.$/, '');
    return { text, start: match.index, end: match.index + text.length };
  });
  let withHonorific = false;
  if (words[0] && words.length > 1 && isHonorific(words[0].text)) {
    withHonorific = true;
    words.shift();
  }
  const first = words[0];
  if (!first) return undefined;
  let best: Candidate | undefined;
  for (let k = 1; k <= Math.min(MAX_NAME_WORDS, words.length); k++) {
    const last = words[k - 1];
    if (!last) break;
    const rest = line.slice(last.end).replace(/^\./, '');
    if (!atForm && !AFTER_NAME.test(rest)) continue;
    best = better(best, lookup(authors, line.slice(first.start, last.end), withHonorific, k, self));
  }
  return best;
}

/** Number of the earlier comment this body addresses by name, if any. */
export function findAddressee(body: string, authors: AuthorDirectory, self: string): number | undefined {
  const opening = body.split('\n', 50).find((line) => line.trim().length > 0) ?? '';
  let best = openingAddressee(opening, authors, self);
  if (!best) {
    for (const mention of [...body.matchAll(MENTION)].slice(0, MAX_MENTIONS)) {
      const written = mention[1] ?? '';
      // "@Jane Doe" may or may not include the surname: try both readings.
      const full = lookup(authors, written, false, written.split(/\s+/).length, self);
      const single = lookup(authors, written.split(/\s+/)[0] ?? '', false, 1, self);
      best = better(best, better(full, single));
    }
  }
  return best?.number;
}
