import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import type { TokenViewerService } from '../../auth/token-viewer.service.js';
import type { AppConfig } from '../config/env.js';
import { DomainError } from '../errors/domain-error.js';
import type { RateLimiter } from '../redis/rate-limiter.js';
import { noteErrors } from './graphql-access-log.js';

/** The rate-limit bucket of anonymous GraphQL requests and websocket connections, per address. */
const BUCKET = 'anonymous';
const WINDOW_SECONDS = 60;

/**
 * Counts one anonymous request (or websocket connection) from `address`; throws RATE_LIMITED
 * past ANONYMOUS_RATE_LIMIT a minute.
 */
export function consumeAnonymous(limiter: RateLimiter, config: AppConfig, address: string): Promise<void> {
  return limiter.consume(
    BUCKET,
    address,
    config.ANONYMOUS_RATE_LIMIT,
    WINDOW_SECONDS,
    'Too many requests from your address; sign in or try again shortly',
  );
}

/**
 * Limits GraphQL requests that carry no valid access token, per client address (`req.ip`:
 * TRUST_PROXY decides which forwarded address is believed), before the body is read or any
 * resolver runs. A junk or expired Authorization header counts as anonymous, or it would be a
 * way around the limit. Websocket upgrades are counted at connection_init instead, where the
 * token is known (graphql.module.ts).
 */
export function applyAnonymousRateLimit(
  fastify: FastifyInstance,
  limiter: RateLimiter,
  tokens: TokenViewerService,
  config: AppConfig,
  path = '/graphql',
): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url !== path || request.method === 'OPTIONS' || isWebsocket(request)) return;
    if (await tokens.isSignedIn(request.headers.authorization)) return;
    try {
      await consumeAnonymous(limiter, config, request.ip);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'RATE_LIMITED') throw error;
      const refused = new GraphQLError(error.message, { extensions: { code: error.code, ...error.details } });
      noteErrors(request, [refused]);
      await reply
        .status(429)
        .header('retry-after', String(error.details?.['retryAfterSeconds'] ?? WINDOW_SECONDS))
        .send({ data: null, errors: [refused.toJSON()] });
    }
  });
}

function isWebsocket(request: FastifyRequest): boolean {
  return request.headers.upgrade?.toLowerCase() === 'websocket';
}
