import type { FastifyInstance, FastifyReply } from 'fastify';
import { GraphQLError } from 'graphql';
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
 * Refuses a POST to the GraphQL route whose Content-Type is not JSON with 415 and a coded,
 * GraphQL-shaped error, before the body is read. GET stays open for queries: Mercurius refuses
 * mutations over GET (405) itself.
 */
export function refuseNonJsonGraphQLPosts(fastify: FastifyInstance, path = '/graphql'): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'POST' || request.routeOptions.url !== path) return;
    const type = mediaTypeOf(request.headers['content-type']);
    if (GRAPHQL_POST_MEDIA_TYPES.includes(type)) return;
    const got = type === '' ? 'no Content-Type' : type.slice(0, 100);
    await unsupported(reply, request, `POST ${path} takes application/json; got ${got}`);
  });
}

async function unsupported(reply: FastifyReply, request: object, message: string): Promise<void> {
  const error = new GraphQLError(message, { extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', field: 'content-type' } });
  noteErrors(request, [error]);
  await reply
    .status(415)
    .header('accept-post', GRAPHQL_POST_MEDIA_TYPES.join(', '))
    .send({ data: null, errors: [error.toJSON()] });
}

/** The media type without parameters, lower-cased: `Application/JSON; charset=utf-8` → `application/json`. */
export function mediaTypeOf(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}
