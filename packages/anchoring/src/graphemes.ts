/**
 * Minimal grapheme-boundary heuristic for cutting context strings. Cutting
 * at a code point boundary already keeps surrogate pairs intact; this also
 * avoids orphaning combining marks, breaking ZWJ emoji sequences, separating
 * skin-tone modifiers or splitting a flag's two regional indicators. It is a
 * deliberate subset of UAX #29 that needs no Intl.Segmenter (deterministic
 * across runtimes, cheap, and good enough for choosing a cut point).
 */

const MARK = /^\p{M}$/u;

export function isRegionalIndicator(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

function extends_(cp: number, ch: string): boolean {
  return (
    MARK.test(ch) || // combining marks, incl. variation selectors
    cp === 0x200d || // zero-width joiner
    (cp >= 0x1f3fb && cp <= 0x1f3ff) || // emoji skin-tone modifiers
    (cp >= 0xe0020 && cp <= 0xe007f) // tag characters (subdivision flags)
  );
}

/** Whether a cut between chars[i-1] and chars[i] keeps graphemes whole. */
export function isGraphemeBoundary(chars: readonly string[], i: number): boolean {
  if (i <= 0 || i >= chars.length) return true;
  const cur = chars[i] as string;
  const prev = chars[i - 1] as string;
  const cp = cur.codePointAt(0) as number;
  const pp = prev.codePointAt(0) as number;
  if (extends_(cp, cur)) return false;
  if (pp === 0x200d) return false;
  if (pp === 0x0d && cp === 0x0a) return false;
  if (isRegionalIndicator(cp) && isRegionalIndicator(pp)) {
    // Flags pair up regional indicators from the left: a cut is only valid
    // after an even number of them.
    let run = 0;
    for (let k = i - 1; k >= 0 && isRegionalIndicator((chars[k] as string).codePointAt(0) as number); k--) {
      run++;
    }
    return run % 2 === 0;
  }
  return true;
}
