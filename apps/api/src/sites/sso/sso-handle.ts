/** How many handles a first sign-in tries before giving up. */
const ATTEMPTS = 6;

/**
 * Handles to try for an account made by single sign-on: the host's name as letters, digits
 * and underscores (accents dropped), then that with a random suffix. Always 3 to 30
 * characters of the registration rule, so such a handle looks like any other.
 */
export function* handleCandidates(name: string, suffix: () => string): Generator<string> {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .trim()
      .replace(/\s+/g, '_')
      .replace(/[^a-zA-Z0-9_]/g, '')
      .replace(/_+/g, '_')
      .replace(/^_|_$/g, '')
      .slice(0, 22) || 'reader';
  const padded = base.length < 3 ? `${base}_reader` : base;
  yield padded;
  for (let attempt = 1; attempt < ATTEMPTS; attempt += 1) yield `${padded}_${suffix()}`;
}
