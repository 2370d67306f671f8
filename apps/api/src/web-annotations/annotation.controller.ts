import {
  Body,
  Controller,
  Delete,
  Get,
  Inject,
  Options,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Public, Writes } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import { notFound } from '../infra/errors/domain-error.js';
import { ReadRouting } from '../infra/prisma/read-routing.js';
import {
  ANNO_MEDIA_TYPE,
  ANNOTATION_ALLOW,
  ANNOTATION_LINKS,
  CONTAINER_ALLOW,
  CONTAINER_LINKS,
  PAGE_ALLOW,
} from './anno.vocab.js';
import { AnnotationWriteService } from './annotation-write.service.js';
import { containerIri } from './annotation.mapper.js';
import { AnnotationReader } from './annotation.reader.js';
import type { AnnotationJson } from './annotation.types.js';
import { annotationPage, containerView, DEFAULT_PAGE_SIZE, exportView } from './container.view.js';
import { ContainerQuery } from './dto/container.query.js';
import { WebAnnotationsExceptionFilter } from './web-annotations-exception.filter.js';
import { parsePrefer } from './prefer.js';
import { ProtocolError } from './protocol.error.js';
import { etagOf, matches, mediaTypeFor, represent } from './protocol.response.js';

const CONTAINER_HEADERS = { allow: CONTAINER_ALLOW, link: CONTAINER_LINKS, 'accept-post': ANNO_MEDIA_TYPE };
const ANNOTATION_HEADERS = { allow: ANNOTATION_ALLOW, link: ANNOTATION_LINKS };

/**
 * The W3C Web Annotation Protocol over an article's discussion: the article's container
 * at /annotations/<slug>/ and one annotation per comment at /annotations/<slug>/<id>.
 * HEAD is answered by Fastify from the GET routes (same headers, no body). Nest strips
 * trailing slashes from route paths; `container-slash.route.ts` serves the container's own
 * IRI (with its slash) from these routes.
 */
@Controller('annotations')
@UseFilters(WebAnnotationsExceptionFilter)
export class AnnotationController {
  /**
   * Every IRI and Location starts with the configured PUBLIC_URL, never with the request's
   * Host or X-Forwarded-* headers: a shared cache must not store a response naming a host a
   * client chose.
   */
  private readonly origin: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly reader: AnnotationReader,
    private readonly writer: AnnotationWriteService,
    private readonly routing: ReadRouting,
  ) {
    this.origin = config.PUBLIC_URL;
  }

  @Public()
  @Options(':slug')
  containerOptions(@Res({ passthrough: true }) reply: FastifyReply): string {
    void reply.status(200).headers({ ...CONTAINER_HEADERS, vary: 'Accept' });
    return '';
  }

  @Public()
  @Get(':slug')
  async container(
    @Param('slug') slug: string,
    @Query() query: ContainerQuery,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() viewer: Viewer | null,
  ): Promise<Buffer> {
    mediaTypeFor(req);
    const set = await this.routing.mayLag(viewer?.id ?? null, () => this.reader.forArticle(slug, this.origin, viewer));
    const container = containerIri({ origin: this.origin, slug: set.article.slug });
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    if (query.page !== undefined) {
      const options = { container, iris: query.iris === '1', limit };
      const page = annotationPage(set, options, query.page);
      if (!page) throw notFound('Page', 'page');
      return represent(req, reply, page, { allow: PAGE_ALLOW });
    }
    const { preference, applied } = parsePrefer([req.headers.prefer ?? []].flat().join(', '));
    const chosen = preference ?? (query.iris === '1' ? 'iris' : 'descriptions');
    return represent(req, reply, containerView(set, chosen, container, limit), {
      ...CONTAINER_HEADERS,
      ...(applied ? { 'preference-applied': 'return=representation' } : {}),
      // The protocol requires the container's own IRI here, whatever representation was chosen.
      'content-location': container,
    });
  }

  /** The whole discussion as one AnnotationCollection, every annotation embedded. */
  @Public()
  @Get(':slug/export')
  async export(
    @Param('slug') slug: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() viewer: Viewer | null,
  ): Promise<Buffer> {
    mediaTypeFor(req);
    const set = await this.routing.mayLag(viewer?.id ?? null, () => this.reader.forArticle(slug, this.origin, viewer));
    const container = containerIri({ origin: this.origin, slug: set.article.slug });
    return represent(req, reply, exportView(set, container), { allow: PAGE_ALLOW, link: CONTAINER_LINKS });
  }

  /** Creates a thread or reply; it is PENDING until moderation publishes it. */
  @Writes()
  @Post(':slug')
  async create(
    @Param('slug') slug: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() viewer: Viewer,
  ): Promise<Buffer> {
    requireJson(req);
    mediaTypeFor(req);
    // The Slug header is not used: annotation ids are the comments' UUIDs, minted by the database.
    const id = await this.writer.create(slug, body, viewer);
    const annotation = await this.find(slug, id, req, viewer);
    void reply.header('location', annotation.id);
    return represent(req, reply, annotation, ANNOTATION_HEADERS, 201);
  }

  @Public()
  @Options(':slug/:id')
  annotationOptions(@Res({ passthrough: true }) reply: FastifyReply): string {
    void reply.status(200).headers({ ...ANNOTATION_HEADERS, vary: 'Accept' });
    return '';
  }

  @Public()
  @Get(':slug/:id')
  async annotation(
    @Param('slug') slug: string,
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() viewer: Viewer | null,
  ): Promise<Buffer> {
    mediaTypeFor(req);
    const annotation = await this.routing.mayLag(viewer?.id ?? null, () => this.find(slug, id, req, viewer));
    return represent(req, reply, annotation, ANNOTATION_HEADERS);
  }

  /** Replaces the body; `If-Match` with the current ETag is required (428 without, 412 when stale). */
  @Writes()
  @Put(':slug/:id')
  async update(
    @Param('slug') slug: string,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() viewer: Viewer,
  ): Promise<Buffer> {
    requireJson(req);
    const current = await this.find(slug, id, req, viewer);
    await this.writer.assertAuthor(id, viewer);
    this.checkIfMatch(req, current, true);
    await this.writer.update(id, body, viewer);
    return represent(req, reply, await this.find(slug, id, req, viewer), ANNOTATION_HEADERS);
  }

  @Writes()
  @Delete(':slug/:id')
  async remove(
    @Param('slug') slug: string,
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() viewer: Viewer,
  ): Promise<Buffer> {
    const current = await this.find(slug, id, req, viewer);
    this.checkIfMatch(req, current, false);
    await this.writer.delete(id, viewer);
    void reply.status(204);
    return Buffer.alloc(0);
  }

  /** The annotation as the viewer may see it; 404 when it does not exist or is not theirs to see. */
  private async find(slug: string, id: string, req: FastifyRequest, viewer: Viewer | null): Promise<AnnotationJson> {
    const annotation = await this.reader.one(slug, id, this.origin, viewer);
    if (!annotation) throw notFound('Annotation', 'id');
    return annotation;
  }

  private checkIfMatch(req: FastifyRequest, current: AnnotationJson, required: boolean): void {
    const ifMatch = req.headers['if-match'];
    if (!ifMatch) {
      if (required) throw new ProtocolError(428, 'PRECONDITION_REQUIRED', 'Send If-Match with the ETag you last saw');
      return;
    }
    const etag = etagOf(JSON.stringify(current), mediaTypeFor(req));
    if (!matches(ifMatch, etag)) {
      throw new ProtocolError(412, 'PRECONDITION_FAILED', 'The annotation changed since you fetched it; reload it');
    }
  }
}

/** Annotations are posted as JSON-LD (plain JSON is accepted too). */
function requireJson(req: FastifyRequest): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/ld+json' && type !== 'application/json') {
    throw new ProtocolError(415, 'UNSUPPORTED_MEDIA_TYPE', `Send the annotation as ${ANNO_MEDIA_TYPE}`);
  }
}
