import type { FastifyCompressOptions } from '@fastify/compress';
import { constants as zlibConstants } from 'node:zlib';

/**
 * Answers of a kilobyte or more are compressed, br or gzip as the client accepts: the reader's
 * first view of 10,000 threads goes from 179 KB to 31 KB, the full read from 31 MB to 2.5 MB
 * (`pnpm bench large-read`). Brotli at quality 4 takes 8 ms on 340 KB of discussion JSON
 * where zlib's default 11 takes 1.7 s, for a third less size. Event streams are never
 * buffered for compression (a live client would wait for its events), and already
 * compressed types (images, archives) are left alone.
 */
export const COMPRESSION = {
  threshold: 1024,
  encodings: ['br', 'gzip'],
  brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
  customTypes: compressible,
} satisfies FastifyCompressOptions;

const COMPRESSIBLE = /^(text\/|application\/(json|graphql-response\+json|ld\+json|javascript|xml)|image\/svg\+xml)/;

/** Whether an answer of this content type is worth compressing (event streams never are). */
export function compressible(type: string): boolean {
  return !type.startsWith('text/event-stream') && COMPRESSIBLE.test(type);
}
