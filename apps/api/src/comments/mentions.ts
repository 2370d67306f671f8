/**
 * @mentions: `@handle` (the registration rule: 3–30 letters, digits or underscores) not
 * glued to a preceding word, address or path, so `me@example.com` is not a mention.
 */
const MENTION = /(^|[^\p{L}\p{N}_@/.:+-])@([A-Za-z0-9_]{3,30})(?![\p{L}\p{N}_])/gu;

/** Elements whose text is never turned into a link. */
const OPAQUE = new Set(['a', 'code', 'pre']);

/** Handles the Markdown source may mention, lower-cased and deduplicated (at most `limit`). */
export function mentionedHandles(source: string, limit = 20): string[] {
  const handles = new Set<string>();
  for (const match of source.matchAll(MENTION)) {
    handles.add(match[2]!.toLowerCase());
    if (handles.size >= limit) break;
  }
  return [...handles];
}

/**
 * Links mentions of existing users in sanitized HTML. Only text outside links and code is
 * touched; the inserted markup is built from handles that match the registration rule,
 * so it needs no escaping and cannot carry anything unsafe.
 *
 * @param users lower-cased handle → the user's handle as registered
 */
export function linkMentions(html: string, users: ReadonlyMap<string, string>): string {
  if (users.size === 0) return html;
  let opaqueDepth = 0;
  return html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        const tag = /^<(\/?)([a-z0-9]+)/i.exec(part);
        if (tag && OPAQUE.has(tag[2]!.toLowerCase())) opaqueDepth += tag[1] ? -1 : 1;
        return part;
      }
      if (opaqueDepth > 0 || !part.includes('@')) return part;
      return part.replace(MENTION, (whole, before: string, handle: string) => {
        const registered = users.get(handle.toLowerCase());
        return registered ? `${before}<a href="/u/${registered}">@${registered}</a>` : whole;
      });
    })
    .join('');
}
