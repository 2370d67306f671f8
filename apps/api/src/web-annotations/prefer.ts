import { LDP, OA } from './anno.vocab.js';

/** What a client asked the container to embed, from `Prefer: return=representation; include="…"`. */
export type ContainerPreference = 'minimal' | 'iris' | 'descriptions';

/** The preference and whether it came from the header (then `Preference-Applied` is sent). */
export interface ParsedPreference {
  preference: ContainerPreference | null;
  applied: boolean;
}

/**
 * Reads the protocol's three container preferences. Unknown preferences are ignored,
 * as RFC 7240 asks; when several are named, the smallest representation wins.
 */
export function parsePrefer(header: string | undefined): ParsedPreference {
  if (!header) return { preference: null, applied: false };
  const match = /return\s*=\s*"?representation"?/i.test(header) ? /include\s*=\s*"([^"]*)"/i.exec(header) : null;
  if (!match) return { preference: null, applied: false };
  const iris = match[1]!.split(/\s+/);
  if (iris.includes(LDP.PreferMinimalContainer)) return { preference: 'minimal', applied: true };
  if (iris.includes(OA.PreferContainedIRIs)) return { preference: 'iris', applied: true };
  if (iris.includes(OA.PreferContainedDescriptions)) return { preference: 'descriptions', applied: true };
  return { preference: null, applied: false };
}

/** The media type to answer with, or null when nothing we serve is acceptable (→ 406). */
export function negotiate(accept: string | undefined): 'application/ld+json' | 'application/json' | null {
  if (!accept || !accept.trim()) return 'application/ld+json';
  const ranges = accept
    .split(',')
    .map((part) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim());
      const q = params.find((p) => p.toLowerCase().startsWith('q='));
      return { type: type.toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((r) => r.q > 0);
  const quality = (type: string): number =>
    Math.max(
      0,
      ...ranges
        .filter((r) => r.type === type || r.type === '*/*' || r.type === 'application/*')
        .map((r) => (r.type === type ? r.q : r.q - 0.001)),
    );
  const ld = quality('application/ld+json');
  const json = quality('application/json');
  if (ld === 0 && json === 0) return null;
  return ld >= json ? 'application/ld+json' : 'application/json';
}
