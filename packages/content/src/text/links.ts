/** Only these link targets survive an import; `javascript:`, `data:` and relatives never do. */
const SAFE_SCHEME = /^(?:https?:\/\/|mailto:)/i;

/** The absolute, safe form of a link target, or undefined. */
export function safeHref(href: string | null | undefined, base?: string): string | undefined {
  if (!href) return undefined;
  const trimmed = href.trim();
  try {
    const resolved = base ? new URL(trimmed, base).href : new URL(trimmed).href;
    return SAFE_SCHEME.test(resolved) ? resolved : undefined;
  } catch {
    return undefined;
  }
}
