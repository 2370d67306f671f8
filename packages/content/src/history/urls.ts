/** Query parameters that track a visit and never change which page a link names. */
const TRACKING = /^(?:utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ref|ref_src|_ga|yclid|igshid)$/i;

/**
 * The key two links to the same article share: scheme, `www.`, a trailing slash, the
 * fragment and tracking parameters are ignored; other query parameters stay (sorted), since
 * `?p=12` names a post. Undefined when the link is not an http(s) URL.
 */
export function articleLinkKey(link: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.host.toLowerCase().replace(/^www\./, '');
  const path = url.pathname.replace(/\/+$/, '') || '';
  const params = [...url.searchParams.entries()]
    .filter(([name]) => !TRACKING.test(name))
    .sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `${host}${path}${query}`;
}

/**
 * Every spelling of a link an earlier import may have stored as an article's source URL:
 * http and https, with and without `www.`, with and without a trailing slash, without
 * tracking parameters.
 */
export function articleLinkVariants(link: string): string[] {
  const key = articleLinkKey(link);
  if (!key) return [];
  const queryAt = key.indexOf('?');
  const hostPath = queryAt >= 0 ? key.slice(0, queryAt) : key;
  const query = queryAt >= 0 ? key.slice(queryAt) : '';
  const out = new Set<string>();
  for (const scheme of ['https://', 'http://'])
    for (const www of ['', 'www.'])
      for (const slash of ['', '/']) out.add(`${scheme}${www}${hostPath}${slash}${query}`);
  const original = link.trim();
  out.add(original);
  return [...out];
}

/** The link without its fragment and tracking parameters: what an article created from it records. */
export function cleanArticleLink(link: string): string | undefined {
  try {
    const url = new URL(link.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    for (const name of [...url.searchParams.keys()]) if (TRACKING.test(name)) url.searchParams.delete(name);
    return url.href;
  } catch {
    return undefined;
  }
}
