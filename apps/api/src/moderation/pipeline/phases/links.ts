import type { Phase } from '../types.js';
import { analyzeBody } from '../text/body.js';
import { hostMatchesAny } from '../text/domains.js';

/**
 * Phase 5: external links. A blocked domain is rejected outright - it is the
 * strongest signal - before the softer checks (too many links, domain outside
 * the allow-list) hold the comment for review. Subdomains follow their parent:
 * blocking example.com blocks cdn.example.com.
 */
export const links: Phase = (ctx) => {
  const { links: found } = analyzeBody(ctx.comment.body);
  if (found.length === 0) return undefined;
  const { settings } = ctx;
  const domains = [...new Set(found.map((link) => link.host))];
  ctx.scores.links = { count: found.length, domains };

  const blocked = domains.find((host) => hostMatchesAny(host, settings.blockedLinkDomains));
  if (blocked !== undefined) return { status: 'REJECTED', reason: 'LINK_BLOCKED', detail: blocked };

  if (found.length > settings.maxLinks) {
    return { status: 'HELD', reason: 'TOO_MANY_LINKS', detail: `${found.length} links (maximum ${settings.maxLinks})` };
  }

  if (settings.allowedLinkDomains.length > 0) {
    const outside = domains.find((host) => !hostMatchesAny(host, settings.allowedLinkDomains));
    if (outside !== undefined) return { status: 'HELD', reason: 'LINK_NOT_ALLOWED', detail: outside };
  }
  return undefined;
};
