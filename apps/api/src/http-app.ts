import 'reflect-metadata';
import fastifyCompress from '@fastify/compress';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppModule } from './app.module.js';
import { applySessionHttpPolicy } from './auth/session-http-policy.js';
import { trustProxyOf, type AppConfig } from './infra/config/env.js';
import { TokenViewerService } from './auth/token-viewer.service.js';
import { applyAnonymousRateLimit } from './infra/graphql/anonymous-rate-limit.js';
import { registerGraphQLAccessLog } from './infra/graphql/graphql-access-log.js';
import { applyGraphQLHttpPolicy } from './infra/graphql/graphql-http-policy.js';
import { RateLimiter } from './infra/redis/rate-limiter.js';
import { validationPipe } from './infra/validation.js';
import { registerQueueBoard } from './moderation/board/queue-board.js';
import { COMPRESSION } from './infra/http/compression.js';
import { registerEmbedPages } from './sites/embed/embed-pages.js';
import { SiteOrigins } from './sites/site-origins.js';

/** Largest request body accepted, in bytes: imports are capped at 2 MiB of text. */
export const BODY_LIMIT = 3 * 1024 * 1024;

/** Builds the HTTP application (without listening), for main.ts and for tests. */
export async function createHttpApp(config: AppConfig): Promise<NestFastifyApplication> {
  // While closing, requests still reach the drain hook (infra/shutdown.ts) and get its coded 503.
  // Forwarded addresses are believed only from the proxies TRUST_PROXY names: rate limits are
  // keyed on the client's address, which any client could otherwise choose.
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    trustProxy: trustProxyOf(config.TRUST_PROXY),
    return503OnClosing: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(validationPipe);
  await app.register(fastifyCompress, COMPRESSION);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    // As frame-ancestors 'none' says, for browsers that only know the older header.
    frameguard: { action: 'deny' },
  });
  const origins = config.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  await app.register(fastifyCors, {
    origin: origins.length > 0 ? origins : false,
    credentials: false,
    exposedHeaders: EXPOSED_HEADERS,
  });
  applyAnonymousRateLimit(
    app.getHttpAdapter().getInstance(),
    app.get(RateLimiter),
    app.get(TokenViewerService),
    config,
  );
  applyGraphQLHttpPolicy(app.getHttpAdapter().getInstance());
  applySessionHttpPolicy(app.getHttpAdapter().getInstance(), config);
  registerGraphQLAccessLog(app.getHttpAdapter().getInstance());
  refuseNonStringQueries(app);
  await registerQueueBoard(app);
  if (config.WEB_DIST && existsSync(path.join(config.WEB_DIST, 'index.html'))) {
    await serveWebClient(app, config.WEB_DIST);
  }
  return app;
}

/**
 * Response headers other origins' scripts may read: the annotation protocol's (ETag for
 * If-Match, Location of a created annotation, Link and Allow describing the resource, the
 * applied Prefer) — CORS hides all but a few simple headers otherwise.
 */
const EXPOSED_HEADERS = [
  'ETag',
  'Location',
  'Content-Location',
  'Link',
  'Allow',
  'Accept-Post',
  'Preference-Applied',
  'Vary',
];

/** API paths; everything else under GET is a page of the web client. */
const API_PATH = /^\/(graphql|health|annotations|admin|auth)(\/|\?|$)/;

/** Serves the built web client; other GET paths get index.html (client-side routing). */
async function serveWebClient(app: NestFastifyApplication, root: string): Promise<void> {
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: ['index.html'] });
  const fastify = app.getHttpAdapter().getInstance();
  registerEmbedPages(fastify, app.get(SiteOrigins));
  fastify.get('/*', (request, reply) => {
    if (API_PATH.test(request.url))
      return reply.status(404).send({ error: { message: 'Not found', code: 'NOT_FOUND' } });
    return reply.type('text/html').sendFile('index.html');
  });
}

/**
 * Mercurius takes a non-string `query` (an object, a number) for a parsed document and
 * fails deep inside graphql-js; refuse it up front as the client error it is.
 */
function refuseNonStringQueries(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('preValidation', async (request, reply) => {
    if (!request.url.startsWith('/graphql')) return;
    if (request.method === 'GET') {
      // Mercurius JSON-parses GET parameters: `?query={}` or `?query=12` would not arrive as text.
      const { query } = (request.query ?? {}) as { query?: unknown };
      if (typeof query === 'string' && !['undefined', 'string'].includes(typeof parseJson(query)))
        return refuse(reply, 'BAD_USER_INPUT', 'query must be a GraphQL document');
      return;
    }
    if (request.method !== 'POST') return;
    const items: unknown[] = Array.isArray(request.body) ? request.body : [request.body];
    const bad = items.some((item) => {
      const query = item && typeof item === 'object' ? (item as { query?: unknown }).query : undefined;
      return query !== undefined && typeof query !== 'string';
    });
    if (bad) return refuse(reply, 'BAD_USER_INPUT', 'query must be a string');
  });
}

async function refuse(reply: FastifyReply, code: string, message: string): Promise<void> {
  await reply.status(400).send({ data: null, errors: [{ message, extensions: { code, field: 'query' } }] });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
