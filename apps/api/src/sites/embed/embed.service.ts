import { Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { RedisClient } from '../../infra/redis/redis-client.js';
import { createHash } from 'node:crypto';
import { ARTICLE_GATE_SELECT, assertReadable, discussionStatus, gateOf } from '../../articles/article-access.js';
import type { Viewer } from '../../auth/viewer.js';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/env.js';
import { badInput, DomainError, notFound } from '../../infra/errors/domain-error.js';
import { OutboxService } from '../../infra/outbox/outbox.service.js';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { REDIS } from '../../infra/redis/redis.module.js';
import { RateLimiter } from '../../infra/redis/rate-limiter.js';
import { EmbedArticleState, type EmbedArticleModel } from './embed-article.model.js';
import { articleUrlOf } from './embed-url.js';

const MAX_URL_LENGTH = 2048;
/** How old a page's last import may be before the embed imports it again (the publisher may have edited it). */
const REIMPORT_AFTER_MS = 60 * 60 * 1000;
/** How long an embed's import of a URL blocks another one of the same URL (an import takes seconds). */
const IMPORT_ONCE_SECONDS = 15 * 60;
/** Imports of unknown pages one address may set off per hour. */
const IMPORTS_PER_ADDRESS_PER_HOUR = 30;

/**
 * What the embed on a publisher's page asks first: which article this page is. A page of an
 * origin the site registered that is not imported yet is imported (once per URL; the URL
 * importer trusts registered origins); a page of any other origin gets nothing.
 */
@Injectable()
export class EmbedService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly outbox: OutboxService,
    private readonly limiter: RateLimiter,
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async article(siteId: string, rawUrl: string, address: string, viewer: Viewer | null): Promise<EmbedArticleModel> {
    if (!isUUID(siteId)) throw notFound('Site', 'siteId');
    const site = await this.prisma.site.findUnique({
      where: { id: siteId },
      select: { id: true, origins: true, premod: true, commentsOpen: true },
    });
    if (!site) throw notFound('Site', 'siteId');
    if (rawUrl.length > MAX_URL_LENGTH) throw badInput('url', `url must be at most ${MAX_URL_LENGTH} characters`);
    const parsed = articleUrlOf(rawUrl);
    if ('error' in parsed) throw badInput('url', parsed.error);
    if (!site.origins.includes(parsed.origin)) {
      throw new DomainError('ORIGIN_NOT_REGISTERED', `${parsed.origin} is not an origin of this site`, 'url');
    }
    const { url } = parsed;
    const found = await this.prisma.article.findUnique({
      where: { sourceUrl: url },
      select: { id: true, slug: true, siteId: true, currentRevisionId: true, ...ARTICLE_GATE_SELECT },
    });
    // An unpublished article is not there for readers, and its page is not imported again meanwhile.
    if (found) assertReadable(found, viewer, 'Article', 'url');
    if (found?.currentRevisionId) {
      // The first embed of an imported page makes it the site's, with the site's defaults.
      if (found.siteId === null) {
        await this.prisma.article.updateMany({
          where: { id: found.id, siteId: null },
          data: { siteId: site.id, premod: site.premod },
        });
      }
      // The publisher may have edited the page: import it again now and then (a changed text makes
      // a new revision, and the threads re-anchor on it).
      if (await this.importedBefore(url, Date.now() - REIMPORT_AFTER_MS)) await this.importOnce(url, address);
      return {
        state: EmbedArticleState.READY,
        url,
        articleId: found.id,
        slug: found.slug,
        // The article's own switch wins; a first embed gives it the site's default (null follows it).
        commentsOpen:
          discussionStatus({ ...gateOf(found), siteCommentsOpen: found.site?.commentsOpen ?? site.commentsOpen }) ===
          'OPEN',
      };
    }
    await this.importOnce(url, address);
    return { state: EmbedArticleState.PENDING, url, articleId: null, slug: null, commentsOpen: site.commentsOpen };
  }

  /** Whether the page's latest import (if any) was asked for before `cutoff` (ms since the epoch). */
  private async importedBefore(url: string, cutoff: number): Promise<boolean> {
    const latest = await this.prisma.importJob.findFirst({
      where: { source: url },
      orderBy: { createdAt: 'desc' },
      select: { createdAt: true },
    });
    return latest !== null && latest.createdAt.getTime() < cutoff;
  }

  /** Queues an import of the page unless one was queued lately; an address may set off only so many. */
  private async importOnce(url: string, address: string): Promise<void> {
    const key = `${this.config.REDIS_PREFIX}:embed-import:${createHash('sha256').update(url).digest('base64url')}`;
    if (await this.redis.exists(key)) return;
    await this.limiter.consume(
      'embed-import',
      address,
      IMPORTS_PER_ADDRESS_PER_HOUR,
      3600,
      'Too many new pages from your network; try again later',
    );
    if ((await this.redis.set(key, '1', 'EX', IMPORT_ONCE_SECONDS, 'NX')) !== 'OK') return;
    const outboxId = await this.prisma.$transaction(async (tx) => {
      const job = await tx.importJob.create({ data: { source: url, input: { url } } });
      return this.outbox.record(tx, 'import-article', { importJobId: job.id });
    });
    await this.outbox.dispatch([outboxId]);
  }
}
