import { normalizeWords, normalizedDistance } from '../text/search.js';

/**
 * Matching how commenters address each other ("Cornell (above)", "@Micheal Kenny",
 * "Craig Summers:") against the names they post under ("cornel lencar", "Michael Kenny",
 * "craigsummers"): lower-case, honorifics dropped, spaces removed, compared with a
 * normalised edit distance so small misspellings still match.
 */

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'rev']);
/** At most one edit in five characters. */
export const MAX_NAME_DISTANCE = 0.2;

export function nameTokens(name: string): string[] {
  const tokens = normalizeWords(name).split(' ').filter(Boolean);
  while (tokens.length > 1 && HONORIFICS.has(tokens[0] ?? '')) tokens.shift();
  return tokens;
}

export function isHonorific(token: string): boolean {
  return HONORIFICS.has(token.toLowerCase().replace(/\.$/, ''));
}

/** The ways a name may be written when addressing its owner. */
export function nameVariants(name: string, withHonorific: boolean): string[] {
  const tokens = nameTokens(name);
  const variants = new Set<string>([tokens.join('')]);
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (tokens.length > 1 && first && first.length >= 3) variants.add(first);
  // "Mr. Kenny" addresses by surname; without the honorific a bare surname is too weak.
  if (withHonorific && tokens.length > 1 && last && last.length >= 3) variants.add(last);
  return [...variants].filter(Boolean);
}

/** Distance between an addressed name and a variant; Infinity when they do not match. */
export function nameDistance(written: string, variant: string): number {
  if (written === variant) return 0;
  // Short names must match exactly: one edit in four letters is another name.
  if (Math.min(written.length, variant.length) <= 4) return Number.POSITIVE_INFINITY;
  // Cheap reject before the quadratic distance: the lengths alone rule most names out.
  if (Math.abs(written.length - variant.length) > Math.max(written.length, variant.length) * MAX_NAME_DISTANCE) {
    return Number.POSITIVE_INFINITY;
  }
  const distance = normalizedDistance(written, variant);
  return distance <= MAX_NAME_DISTANCE ? distance : Number.POSITIVE_INFINITY;
}

export function sameName(a: string, b: string): boolean {
  return nameDistance(nameTokens(a).join(''), nameTokens(b).join('')) !== Number.POSITIVE_INFINITY;
}
