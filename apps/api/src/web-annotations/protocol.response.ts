import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ANNO_MEDIA_TYPE } from './anno.vocab.js';
import { ProtocolError } from './protocol.error.js';
import { negotiate } from './prefer.js';

/** A strong validator of exactly these bytes in this media type. */
export function etagOf(body: string, mediaType: string): string {
  return `"${createHash('sha256').update(mediaType).update('\n').update(body).digest('base64url').slice(0, 32)}"`;
}

/** The media type to answer with; 406 when the client accepts none of ours. */
export function mediaTypeFor(req: FastifyRequest): string {
  const type = negotiate(req.headers.accept);
  if (!type) throw new ProtocolError(406, 'NOT_ACCEPTABLE', `Annotations are served as ${ANNO_MEDIA_TYPE}`);
  return type === 'application/ld+json' ? ANNO_MEDIA_TYPE : 'application/json';
}

/** Whether an `If-Match` / `If-None-Match` list names this ETag (or is `*`). */
export function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/**
 * Sends a JSON-LD representation with its ETag, answering 304 to a matching
 * `If-None-Match`. Returns the bytes for Nest to write (none for 304): a Buffer, so
 * Fastify keeps the Content-Type exactly as given instead of appending a charset.
 */
export function represent(
  req: FastifyRequest,
  reply: FastifyReply,
  value: unknown,
  headers: Record<string, string>,
  status = 200,
): Buffer {
  const mediaType = mediaTypeFor(req);
  const body = JSON.stringify(value);
  const etag = etagOf(body, mediaType);
  void reply.headers({ ...headers, 'content-type': mediaType, etag, vary: 'Accept, Prefer, Authorization' });
  if (status === 200 && matches(req.headers['if-none-match'], etag)) {
    void reply.status(304);
    return Buffer.alloc(0);
  }
  void reply.status(status);
  return Buffer.from(body);
}
