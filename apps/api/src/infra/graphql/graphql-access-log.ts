import type { FastifyInstance, FastifyRequest } from 'fastify';
import { getOperationAST, type DocumentNode, type GraphQLError } from 'graphql';
import { PinoLogger } from 'nestjs-pino';

type Pino = typeof PinoLogger.root;

/**
 * One access log line per GraphQL HTTP request, written when the response is sent. pino-http
 * does not see the routes Mercurius registers, and its request serializer would log the URL
 * (GET variables); this line carries only what an operator needs: ids, operation, outcome,
 * timing. Never variables, the document, tokens or bodies.
 */
export interface GraphQLAccessEntry {
  requestId: string;
  method: string;
  path: string;
  operationName: string | null;
  operationType: string | null;
  statusCode: number;
  durationMs: number;
  viewerId: string | null;
  errorCodes?: string[];
  correlationIds?: string[];
}

interface Noted {
  operationName?: string | null;
  operationType?: string | null;
  errorCodes?: string[];
  correlationIds?: string[];
}

/** Per-request notes, filled by the Mercurius hooks and the error formatter. */
const notes = new WeakMap<object, Noted>();

/** Longest operation name logged; names come from the client. */
const MAX_NAME = 100;

/** The root logger, not the request-bound one: that one would add the request URL. */
function logger(context: string): Pino | undefined {
  const root = PinoLogger.root as Pino | undefined;
  if (!root) return undefined;
  let byContext = children.get(root);
  if (!byContext) children.set(root, (byContext = new Map()));
  let child = byContext.get(context);
  if (!child) byContext.set(context, (child = root.child({ context })));
  return child;
}

const children = new WeakMap<Pino, Map<string, Pino>>();

function note(req: object, patch: Noted): void {
  notes.set(req, { ...notes.get(req), ...patch });
}

/** Records which operation of the document runs (from a Mercurius execution hook). */
export function noteOperation(req: object | undefined, document: DocumentNode, operationName?: unknown): void {
  if (!req) return;
  const name = typeof operationName === 'string' ? operationName : undefined;
  const operation = getOperationAST(document, name);
  note(req, {
    operationName: safeName(operation?.name?.value ?? name),
    operationType: operation?.operation ?? null,
  });
}

/** Records the codes of the errors sent (from the error formatter). */
export function noteErrors(req: object | undefined, errors: readonly GraphQLError[]): void {
  if (!req || errors.length === 0) return;
  const codes = errors.map((e) => String(e.extensions?.['code'] ?? 'UNKNOWN'));
  const correlationIds = errors.flatMap((e) => {
    const id = e.extensions?.['correlationId'];
    return typeof id === 'string' ? [id] : [];
  });
  const previous = notes.get(req);
  note(req, {
    errorCodes: [...new Set([...(previous?.errorCodes ?? []), ...codes])],
    ...(correlationIds.length > 0 ? { correlationIds } : {}),
  });
}

/** The operation name the client asked for, from the body or the query string. */
export function requestedOperationName(request: FastifyRequest): string | undefined {
  const source = (request.method === 'GET' ? request.query : request.body) as { operationName?: unknown } | undefined;
  const name = source && typeof source === 'object' ? source.operationName : undefined;
  return typeof name === 'string' ? name : undefined;
}

/** Registers the onResponse hook that writes the line, for requests routed to `path`. */
export function registerGraphQLAccessLog(fastify: FastifyInstance, path = '/graphql'): void {
  fastify.addHook('onResponse', async (request, reply) => {
    if (request.routeOptions.url !== path || isWebsocket(request)) return;
    const noted = notes.get(request) ?? {};
    const entry: GraphQLAccessEntry = {
      requestId: requestIdOf(request),
      method: request.method,
      path,
      operationName: noted.operationName ?? safeName(requestedOperationName(request)),
      operationType: noted.operationType ?? null,
      statusCode: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
      viewerId: viewerIdOf(request),
      ...(noted.errorCodes ? { errorCodes: noted.errorCodes } : {}),
      ...(noted.correlationIds ? { correlationIds: noted.correlationIds } : {}),
    };
    const log = logger('GraphQLAccess');
    if (!log) return;
    if (reply.statusCode >= 500) log.error({ graphql: entry }, 'graphql request failed');
    else log.info({ graphql: entry }, 'graphql request');
  });
}

/** Logs websocket subscription events at debug level (connection, subscribe, complete). */
export function logSubscriptionEvent(
  event: 'connect' | 'refused' | 'subscribe' | 'complete' | 'disconnect',
  fields: object,
): void {
  logger('GraphQLSubscriptions')?.debug({ subscription: { event, ...fields } }, `subscription ${event}`);
}

export function viewerIdOf(req: unknown): string | null {
  const user = (req as { user?: { id?: unknown } | null } | undefined)?.user;
  return user && typeof user.id === 'string' ? user.id : null;
}

function requestIdOf(request: FastifyRequest): string {
  // The caller's X-Request-Id (as pino-http uses it), else the id the server gave the request.
  const header = request.headers['x-request-id'];
  if (typeof header === 'string' && header.length > 0 && header.length <= 200) return header;
  const raw = (request.raw as { id?: unknown }).id;
  return typeof raw === 'string' || typeof raw === 'number' ? String(raw) : request.id;
}

function isWebsocket(request: FastifyRequest): boolean {
  return (request as { ws?: boolean }).ws === true || request.headers.upgrade?.toLowerCase() === 'websocket';
}

function safeName(name: string | null | undefined): string | null {
  if (!name) return null;
  // GraphQL names are [_A-Za-z][_0-9A-Za-z]*; anything else is logged as a marker, not verbatim.
  return /^[_A-Za-z][_0-9A-Za-z]*$/.test(name) ? name.slice(0, MAX_NAME) : '(invalid)';
}
