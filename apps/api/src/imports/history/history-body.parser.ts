import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/** Media types an uploaded export may be sent as. */
export const HISTORY_UPLOAD_TYPES = ['application/xml', 'text/xml', 'application/octet-stream'];

/**
 * Fastify buffers the bodies it parses (within the 3 MiB body limit); an export of hundreds
 * of megabytes must instead reach its handler as the request stream, which the upload
 * service writes to disk under its own limit. Only the upload route receives these types.
 */
@Injectable()
export class HistoryBodyParser implements OnModuleInit {
  constructor(private readonly adapter: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    for (const type of HISTORY_UPLOAD_TYPES) {
      if (!fastify.hasContentTypeParser(type))
        fastify.addContentTypeParser(type, (_req, payload, done) => done(null, payload));
    }
  }
}
