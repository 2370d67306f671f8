/**
 * The URL an embedded article is known by: the page's URL without query and fragment
 * (tracking parameters and anchors name the same story), with the origin normalised as
 * browsers send it. Returns the reason when `raw` is not an http(s) URL.
 */
export function articleUrlOf(raw: string): { url: string; origin: string } | { error: string } {
  let parsed: URL;
  try {
    parsed = new URL(raw.trim());
  } catch {
    return { error: 'url must be an absolute http(s) URL' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { error: 'url must be an http(s) URL' };
  if (parsed.username || parsed.password) return { error: 'url must not carry credentials' };
  if (parsed.pathname === '/' || parsed.pathname === '') {
    return { error: 'url must be the address of an article, not of a whole site' };
  }
  return { url: `${parsed.origin}${parsed.pathname}`, origin: parsed.origin };
}
