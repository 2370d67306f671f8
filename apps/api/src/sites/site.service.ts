import { Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import { badInput, DomainError, notFound } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import type { CreateSiteInput, UpdateSiteInput } from './dto/site.inputs.js';
import type { CreatedSiteModel, SiteModel } from './models/site.model.js';
import { normalizeOrigin } from './site-origin.js';

interface SiteRow {
  id: string;
  name: string;
  origins: string[];
  premod: boolean;
  commentsOpen: boolean;
  createdAt: Date;
  _count: { articles: number };
}

const SITE_SELECT = {
  id: true,
  name: true,
  origins: true,
  premod: true,
  commentsOpen: true,
  createdAt: true,
  _count: { select: { articles: true } },
} as const;

/** 256 random bits, URL-safe: the HS256 key a publisher signs its readers' tokens with. */
const newSecret = (): string => randomBytes(32).toString('base64url');

/**
 * Sites an admin registers for the embed: their origins (each belongs to one site), their
 * single sign-on secret (returned only when made) and the defaults of their articles.
 */
@Injectable()
export class SiteService {
  private readonly publicUrl: string;

  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.publicUrl = config.PUBLIC_URL;
  }

  async list(): Promise<SiteModel[]> {
    const rows = await this.prisma.site.findMany({
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: SITE_SELECT,
    });
    return rows.map((row) => this.toModel(row));
  }

  async create(input: CreateSiteInput): Promise<CreatedSiteModel> {
    const origins = await this.checkOrigins(input.origins, null);
    const ssoSecret = newSecret();
    const row = await this.prisma.site.create({
      data: {
        name: input.name.trim(),
        origins,
        ssoSecret,
        premod: input.premod ?? false,
        commentsOpen: input.commentsOpen ?? true,
      },
      select: SITE_SELECT,
    });
    return { site: this.toModel(row), ssoSecret };
  }

  async update(input: UpdateSiteInput): Promise<SiteModel> {
    await this.requireSite(input.siteId);
    const origins = input.origins ? await this.checkOrigins(input.origins, input.siteId) : undefined;
    const row = await this.prisma.site.update({
      where: { id: input.siteId },
      data: {
        ...(input.name != null ? { name: input.name.trim() } : {}),
        ...(origins ? { origins } : {}),
        ...(input.premod != null ? { premod: input.premod } : {}),
        ...(input.commentsOpen != null ? { commentsOpen: input.commentsOpen } : {}),
      },
      select: SITE_SELECT,
    });
    return this.toModel(row);
  }

  /** A new secret; tokens signed with the old one stop working at once. */
  async rotateSecret(siteId: string): Promise<CreatedSiteModel> {
    await this.requireSite(siteId);
    const ssoSecret = newSecret();
    const row = await this.prisma.site.update({ where: { id: siteId }, data: { ssoSecret }, select: SITE_SELECT });
    return { site: this.toModel(row), ssoSecret };
  }

  private async requireSite(siteId: string): Promise<void> {
    if (!isUUID(siteId)) throw notFound('Site', 'siteId');
    const found = await this.prisma.site.findUnique({ where: { id: siteId }, select: { id: true } });
    if (!found) throw notFound('Site', 'siteId');
  }

  /** Normalised, without duplicates, none registered by another site. */
  private async checkOrigins(raw: readonly string[], siteId: string | null): Promise<string[]> {
    const origins: string[] = [];
    raw.forEach((value, index) => {
      const result = normalizeOrigin(value);
      if ('error' in result) throw badInput(`origins.${index}`, result.error);
      if (!origins.includes(result.origin)) origins.push(result.origin);
    });
    const taken = await this.prisma.$queryRaw<{ name: string; origin: string }[]>`
      SELECT name, origin FROM "Site", unnest(origins) AS origin
      WHERE origins && ${origins}::text[] AND origin = ANY(${origins}::text[])
        AND (${siteId}::uuid IS NULL OR id <> ${siteId}::uuid)
      LIMIT 1`;
    if (taken[0]) {
      throw new DomainError(
        'CONFLICT',
        `${taken[0].origin} is already registered for the site "${taken[0].name}"`,
        `origins.${origins.indexOf(taken[0].origin)}`,
      );
    }
    return origins;
  }

  private toModel(row: SiteRow): SiteModel {
    return {
      id: row.id,
      name: row.name,
      origins: row.origins,
      premod: row.premod,
      commentsOpen: row.commentsOpen,
      createdAt: row.createdAt,
      articleCount: row._count.articles,
      embedSnippet: embedSnippet(this.publicUrl, row.id),
    };
  }
}

/** What a publisher pastes around and after an article's body. */
export function embedSnippet(publicUrl: string, siteId: string): string {
  return [
    '<article data-marginalia-article>',
    '  <!-- the article’s own HTML -->',
    '</article>',
    `<script src="${publicUrl}/embed.js" data-site="${siteId}" async></script>`,
  ].join('\n');
}
