import type { FastifyInstance, FastifyReply } from 'fastify';
import { SiteOrigins } from '../site-origins.js';

/** The web client's pages a publisher's site frames: the side panel and the page-level discussion. */
export const EMBED_PAGES = ['/embed/panel', '/embed/discussion'] as const;

/**
 * The sign-in popup a framed page opens. It is Marginalia's own window and never framed, but it
 * keeps its opener (the frame, on the publisher's page) to hand the session back: the default
 * Cross-Origin-Opener-Policy (same-origin) would cut that link, as the frame's top-level page
 * is the publisher's.
 */
export const EMBED_SIGN_IN_PAGE = '/embed/sign-in';

/**
 * `frame-ancestors` of an embed page: exactly the origins the site registered, or 'none' when
 * the site is unknown (or registered none), so no other page can frame Marginalia's.
 */
export function frameAncestors(origins: readonly string[]): string {
  return origins.length > 0 ? origins.join(' ') : "'none'";
}

/** Replaces the frame-ancestors directive of a Content-Security-Policy, keeping the rest. */
export function withFrameAncestors(policy: string, ancestors: string): string {
  const directives = policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !/^frame-ancestors\b/i.test(d));
  return [...directives, `frame-ancestors ${ancestors}`].join(';');
}

/**
 * Serves the embed: `/embed.js` may be loaded by any page (its Cross-Origin-Resource-Policy
 * says so), and the embed pages answer the web client with a policy letting only the site's
 * own origins frame them (the `site` query parameter names the site). Every other page keeps
 * `frame-ancestors 'none'` and `X-Frame-Options: DENY`.
 */
export function registerEmbedPages(fastify: FastifyInstance, origins: SiteOrigins): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (request.url === '/embed.js' || request.url.startsWith('/embed.js?')) {
      void reply.header('cross-origin-resource-policy', 'cross-origin');
      // The host page loads it on every article: short caching, and a fresh one after a deploy.
      void reply.header('cache-control', 'public, max-age=300');
    }
    return payload;
  });
  fastify.get(EMBED_SIGN_IN_PAGE, async (_request, reply) => {
    void reply.header('cross-origin-opener-policy', 'unsafe-none');
    return reply.type('text/html').sendFile('index.html');
  });
  for (const page of EMBED_PAGES) {
    fastify.get(page, async (request, reply) => {
      const siteId = (request.query as { site?: unknown }).site;
      const allowed = typeof siteId === 'string' ? await origins.originsOf(siteId) : [];
      frameOnlyFrom(reply, allowed);
      return reply.type('text/html').sendFile('index.html');
    });
  }
}

function frameOnlyFrom(reply: FastifyReply, origins: readonly string[]): void {
  const policy = reply.getHeader('content-security-policy');
  if (typeof policy === 'string') {
    void reply.header('content-security-policy', withFrameAncestors(policy, frameAncestors(origins)));
  }
  // X-Frame-Options cannot name origins; frame-ancestors supersedes it where both are known.
  if (origins.length > 0) reply.removeHeader('x-frame-options');
  // The iframe is cross-site: its requests must not leak the article's URL beyond the origin.
  void reply.header('referrer-policy', 'strict-origin-when-cross-origin');
}
