import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../infra/config/env.js';
import { mediaTypeOf } from '../infra/graphql/graphql-http-policy.js';
import { allowedOrigins, crossSiteReason } from '../infra/http/same-site.js';
import { SESSION_PATH } from './session-cookie.js';

/**
 * The cookie routes refuse what another site could make a browser send, before the body is
 * read: a POST that is not JSON (forms and text/plain need no CORS preflight) gets 415, and a
 * page of another origin (Origin not PUBLIC_URL's nor in CORS_ORIGINS) gets 403. SameSite=Strict
 * already keeps the cookie off other sites' requests; these checks do not rely on it alone.
 */
export function applySessionHttpPolicy(fastify: FastifyInstance, config: AppConfig): void {
  const origins = allowedOrigins(config);
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'POST' || !request.routeOptions.url?.startsWith(`${SESSION_PATH}/`)) return;
    const type = mediaTypeOf(request.headers['content-type']);
    if (type !== 'application/json') {
      const got = type === '' ? 'no Content-Type' : type.slice(0, 100);
      const message = `POST ${request.routeOptions.url} takes application/json; got ${got}`;
      await reply.status(415).send({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', field: 'content-type', message } });
      return;
    }
    const crossSite = crossSiteReason(request, origins);
    if (crossSite) await reply.status(403).send({ error: { code: 'FORBIDDEN', message: crossSite } });
  });
}
