import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getOperationAST, GraphQLError, parse, type DocumentNode } from 'graphql';
import { noteErrors } from './graphql-access-log.js';

/**
 * Media types a GraphQL POST may carry. Browsers send text/plain, form-urlencoded and
 * multipart bodies cross-site without a CORS preflight, so accepting them would let any page
 * run mutations with a visitor's cookies or ambient credentials (CSRF); JSON needs a preflight.
 * (application/graphql+json is not parsed by Mercurius; application/graphql-response+json is
 * a response type, for Accept.)
 */
export const GRAPHQL_POST_MEDIA_TYPES: readonly string[] = ['application/json'];

/**
 * The HTTP rules of the GraphQL route, checked before the body is read:
 * - a POST whose Content-Type is not JSON gets 415 and a coded, GraphQL-shaped error;
 * - a GET whose document does not single out one operation (several operations and no or an
 *   unknown operationName) gets 400: Mercurius' own check that GET runs queries only fails
 *   with an internal error on such a document. Mutations over GET are refused by Mercurius (405).
 */
export function applyGraphQLHttpPolicy(fastify: FastifyInstance, path = '/graphql'): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url !== path) return;
    if (request.method === 'POST') {
      const type = mediaTypeOf(request.headers['content-type']);
      if (GRAPHQL_POST_MEDIA_TYPES.includes(type)) return;
      const got = type === '' ? 'no Content-Type' : type.slice(0, 100);
      await refuse(
        reply,
        request,
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'content-type',
        `POST ${path} takes application/json; got ${got}`,
      );
      return;
    }
    if (request.method === 'GET' && !isWebsocket(request)) {
      const { query, operationName } = (request.query ?? {}) as { query?: unknown; operationName?: unknown };
      if (typeof query !== 'string') return;
      let document: DocumentNode;
      try {
        document = parse(query);
      } catch {
        return; // Mercurius answers syntax errors itself.
      }
      const name = typeof operationName === 'string' ? operationName : undefined;
      if (!getOperationAST(document, name)) {
        const message = name
          ? `operationName "${name.slice(0, 100)}" names no operation of the document`
          : 'The document has several operations; name one with operationName';
        await refuse(reply, request, 400, 'BAD_USER_INPUT', 'operationName', message);
      }
    }
  });
}

async function refuse(
  reply: FastifyReply,
  request: object,
  status: number,
  code: string,
  field: string,
  message: string,
): Promise<void> {
  const error = new GraphQLError(message, { extensions: { code, field } });
  noteErrors(request, [error]);
  if (status === 415) void reply.header('accept-post', GRAPHQL_POST_MEDIA_TYPES.join(', '));
  await reply.status(status).send({ data: null, errors: [error.toJSON()] });
}

function isWebsocket(request: FastifyRequest): boolean {
  return request.headers.upgrade?.toLowerCase() === 'websocket';
}

/** The media type without parameters, lower-cased: `Application/JSON; charset=utf-8` → `application/json`. */
export function mediaTypeOf(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}
