/** The most origins one site may list. */
export const MAX_SITE_ORIGINS = 20;

/**
 * An origin as a site registers it and as browsers send it in `Origin`: scheme, host and port
 * (`https://news.example`, `http://localhost:8080`), lower-cased, default port dropped. Returns
 * the reason when `raw` is not one: a path, query, fragment or credentials make it a URL of a
 * page, not an origin.
 */
export function normalizeOrigin(raw: string): { origin: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { error: `"${raw}" is not an origin (expected e.g. https://news.example)` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { error: `"${raw}" must start with https:// or http://` };
  }
  if (url.username || url.password) return { error: `"${raw}" must not carry credentials` };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return { error: `"${raw}" must be an origin only, without a path, query or fragment` };
  }
  return { origin: url.origin };
}
