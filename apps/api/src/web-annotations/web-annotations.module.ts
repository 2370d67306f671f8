import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { AuthModule } from '../auth/auth.module.js';
import { CommentModule } from '../comments/comment.module.js';
import { badInput } from '../infra/errors/domain-error.js';
import { AnnotationImportController } from './annotation-import.controller.js';
import { AnnotationImportService } from './annotation-import.service.js';
import { AnnotationWriteService } from './annotation-write.service.js';
import { AnnotationController } from './annotation.controller.js';
import { AnnotationReader } from './annotation.reader.js';
import { routeContainerSlash } from './container-slash.route.js';

/**
 * W3C Web Annotation Protocol endpoints and JSON-LD export/import, writing through the
 * discussion's own services (exported by CommentModule).
 */
@Module({
  imports: [AuthModule, CommentModule],
  controllers: [AnnotationImportController, AnnotationController],
  providers: [AnnotationReader, AnnotationWriteService, AnnotationImportService],
})
export class WebAnnotationsModule implements OnModuleInit {
  constructor(private readonly adapter: HttpAdapterHost) {}

  /** Fastify parses only application/json out of the box; annotations arrive as JSON-LD. And the container's slash. */
  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    routeContainerSlash(fastify);
    if (fastify.hasContentTypeParser('application/ld+json')) return;
    fastify.addContentTypeParser('application/ld+json', { parseAs: 'string' }, (_req, body, done) => {
      try {
        done(null, JSON.parse(body as string) as unknown);
      } catch {
        done(badInput('body', 'The body is not valid JSON'), undefined);
      }
    });
  }
}
