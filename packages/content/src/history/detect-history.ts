/** The site exports Marginalia reads a discussion history from. */
export type HistoryFormat = 'wxr' | 'disqus';

const WXR_NAMESPACE = /xmlns:wp\s*=\s*["']http:\/\/wordpress\.org\/export\/1\.[0-9]+\/?["']/;

/**
 * Which export a file is, from its first bytes (never its name): a WordPress WXR file is an
 * RSS document declaring the `wordpress.org/export` namespace; a Disqus export's root
 * element is `<disqus>`. Undefined for anything else.
 */
export function detectHistoryFormat(head: string): HistoryFormat | undefined {
  const start = head
    .replace(/^\uFEFF/, '')
    .replace(/^\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<\?[\s\S]*?\?>)\s*)*/, '');
  const root = /^<([A-Za-z_][\w.:-]*)([^>]*)>?/.exec(start);
  if (!root) return undefined;
  const name = root[1] ?? '';
  if (name === 'disqus') return 'disqus';
  if (name === 'rss' && WXR_NAMESPACE.test(start.slice(0, 4096))) return 'wxr';
  return undefined;
}
