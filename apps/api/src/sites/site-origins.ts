import { Injectable, Module } from '@nestjs/common';
import { PrismaService } from '../infra/prisma/prisma.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which site registered an origin: what the embed and the URL importer ask. */
@Injectable()
export class SiteOrigins {
  constructor(private readonly prisma: PrismaService) {}

  /** The site that registered `origin` (normalised, as browsers send it), if any. */
  async siteFor(origin: string): Promise<{ id: string } | null> {
    const [row] = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Site" WHERE ${origin} = ANY(origins) LIMIT 1`;
    return row ?? null;
  }

  /** The origins a site registered: the only pages that may frame its embed. Empty for no such site. */
  async originsOf(siteId: string): Promise<string[]> {
    if (!UUID.test(siteId)) return [];
    const site = await this.prisma.site.findUnique({ where: { id: siteId }, select: { origins: true } });
    return site?.origins ?? [];
  }

  /** An admin registered the origin for a site, and so trusts it. */
  async isTrusted(origin: string): Promise<boolean> {
    return (await this.siteFor(origin)) !== null;
  }
}

/** Read-only lookups of sites by origin, for the API and the worker alike. */
@Module({ providers: [SiteOrigins], exports: [SiteOrigins] })
export class SiteOriginsModule {}
