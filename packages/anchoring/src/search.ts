import approxSearch from 'approx-string-match';
import { isInsideSurrogatePair } from './codepoints.js';
import type { Candidate } from './scoring.js';

/**
 * All verbatim occurrences of `needle` in hay[from, to), as candidates with
 * zero errors. Overlapping occurrences are included ("aaa" in "aaaa").
 * Occurrences starting or ending inside a surrogate pair are skipped: they
 * would be half-characters, not real matches.
 */
export function exactCandidates(hay: string, needle: string, from = 0, to = hay.length): Candidate[] {
  const out: Candidate[] = [];
  if (needle.length === 0) return out;
  let i = hay.indexOf(needle, from);
  while (i !== -1 && i + needle.length <= to) {
    const end = i + needle.length;
    if (!isInsideSurrogatePair(hay, i) && !isInsideSurrogatePair(hay, end)) {
      out.push({ start: i, end, errors: 0 });
    }
    i = hay.indexOf(needle, i + 1);
  }
  return out;
}

/**
 * Lowest-error approximate matches of `pattern` within hay[from, to), via
 * Myers' bit-parallel algorithm (approx-string-match). That library reports
 * only the matches sharing the minimal error count, which is why callers
 * search a window around the expected position first.
 */
export function approxCandidates(
  hay: string,
  pattern: string,
  maxErrors: number,
  from = 0,
  to = hay.length,
): Candidate[] {
  if (maxErrors <= 0 || pattern.length === 0 || to <= from) return [];
  const slice = from === 0 && to === hay.length ? hay : hay.slice(from, to);
  return approxSearch(slice, pattern, maxErrors).map((m) => ({
    start: m.start + from,
    end: m.end + from,
    errors: m.errors,
  }));
}
