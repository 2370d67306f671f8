// Hostname helpers shared by settings validation and the links phase. Domains are
// compared in their normalized form (lowercase, punycode, no leading "www.") so
// that "WWW.Example.COM" in the settings matches a link to "example.com".

const BARE_HOST = /^[^\s/:?#@\\[\]]+$/u;

/** Normalizes a configured domain; `undefined` when it is not a bare hostname. */
export function normalizeDomain(input: string): string | undefined {
  const candidate = input.trim().toLowerCase().replace(/^\*\./u, '').replace(/\.$/u, '');
  if (candidate === '' || !BARE_HOST.test(candidate)) return undefined;
  try {
    return stripWww(new URL(`http://${candidate}`).hostname);
  } catch {
    return undefined;
  }
}

export function stripWww(host: string): string {
  return host.startsWith('www.') ? host.slice(4) : host;
}

/** True when `host` is `domain` or one of its subdomains. */
export function hostMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

export function hostMatchesAny(host: string, domains: readonly string[]): boolean {
  return domains.some((domain) => hostMatches(host, domain));
}
