// Compiles a configured word list (banned words, suspect words, spam phrases)
// into regular expressions tolerant of the cheap obfuscations people use to
// dodge filters, while keeping word boundaries so "class" never matches "ass".
import { foldText } from './normalize.js';

/** Characters commonly substituted for a letter ("b4dw0rd"). */
const LEET: Readonly<Record<string, string>> = {
  a: 'a4@',
  b: 'b8',
  e: 'e3',
  g: 'g9',
  i: 'i1!|',
  l: 'l1|',
  o: 'o0',
  s: 's5$',
  t: 't7+',
  z: 'z2',
};

/** Separators people put between letters ("b a d", "b.a.d", "b-a-d"). Bounded to keep matching linear. */
const SEPARATOR = '[\\s._*~-]{1,3}';
/** A letter or digit must not touch the match on either side. */
const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';

interface CompiledList {
  /** All terms in one alternation: a clean body (the common case) is scanned once. */
  any: RegExp;
  terms: readonly { term: string; regex: RegExp }[];
}

// Settings are immutable (validated settings are frozen), so the compiled form
// of a list can be cached on the list's identity for as long as it is in use.
const cache = new WeakMap<readonly string[], CompiledList>();

/** Returns the configured terms found in `text`, in list order. */
export function findTerms(terms: readonly string[], text: string): string[] {
  if (terms.length === 0) return [];
  const folded = foldText(text);
  const compiled = compile(terms);
  if (!compiled.any.test(folded)) return [];
  return compiled.terms.filter(({ regex }) => regex.test(folded)).map(({ term }) => term);
}

function compile(terms: readonly string[]): CompiledList {
  let compiled = cache.get(terms);
  if (!compiled) {
    const bodies = terms.map(termPattern);
    compiled = {
      any: new RegExp(`${BEFORE}(?:${bodies.join('|')})${AFTER}`, 'iu'),
      terms: terms.map((term, index) => ({ term, regex: new RegExp(`${BEFORE}(?:${bodies[index]})${AFTER}`, 'iu') })),
    };
    cache.set(terms, compiled);
  }
  return compiled;
}

/**
 * Two accepted spellings: the words as written (letters may be leetspeak,
 * words separated by any separator), or every letter spaced out ("b a d w o r d").
 * Spacing must then be used between *every* letter; allowing it anywhere would
 * let "an al" match "anal".
 */
export function termRegex(term: string): RegExp {
  return new RegExp(`${BEFORE}(?:${termPattern(term)})${AFTER}`, 'iu');
}

/** The alternatives for one term, without the boundaries. */
function termPattern(term: string): string {
  const words = foldText(term).toLowerCase().trim().split(/\s+/u);
  const written = words.map((word) => [...word].map(charPattern).join('')).join(SEPARATOR);
  const letters = words.flatMap((word) => [...word]);
  return letters.length > 1 ? `${written}|${letters.map(charPattern).join(SEPARATOR)}` : written;
}

function charPattern(char: string): string {
  const leet = LEET[char];
  return leet === undefined ? escapeRegex(char) : `[${leet}]`;
}

function escapeRegex(char: string): string {
  // Only syntax characters may be escaped in unicode mode.
  return /[\\^$.*+?()[\]{}|/]/u.test(char) ? `\\${char}` : char;
}
