import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';

/**
 * Nest strips the trailing slash from every route path, and Fastify tells `/x/` from `/x`;
 * but a container's IRI ends with a slash (it is what clients read in `id` and `partOf`).
 * This plain Fastify route hands such requests, unchanged but for the slash, to the Nest
 * routes (guards, filters and all) in-process.
 */
export function routeContainerSlash(fastify: FastifyInstance): void {
  const methods: HTTPMethods[] = ['GET', 'POST', 'OPTIONS'];
  fastify.route({
    method: methods,
    url: '/annotations/:slug/',
    handler: async (req: FastifyRequest, reply: FastifyReply) => {
      const [path = '', query] = req.url.split(/\?(.*)/s, 2);
      const headers = { ...req.headers };
      delete headers['content-length'];
      const res = await fastify.inject({
        method: req.method as HTTPMethods,
        url: `${path.replace(/\/$/, '')}${query ? `?${query}` : ''}`,
        headers,
        ...(req.body === undefined ? {} : { payload: JSON.stringify(req.body) }),
      });
      const forwarded = { ...res.headers };
      for (const h of ['content-length', 'connection', 'transfer-encoding', 'date', 'keep-alive']) delete forwarded[h];
      return reply.status(res.statusCode).headers(forwarded).send(res.rawPayload);
    },
  });
}
