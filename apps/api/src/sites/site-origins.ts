import { Injectable, Module } from '@nestjs/common';
import { PrismaService } from '../infra/prisma/prisma.service.js';

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

  /** An admin registered the origin for a site, and so trusts it. */
  async isTrusted(origin: string): Promise<boolean> {
    return (await this.siteFor(origin)) !== null;
  }
}

/** Read-only lookups of sites by origin, for the API and the worker alike. */
@Module({ providers: [SiteOrigins], exports: [SiteOrigins] })
export class SiteOriginsModule {}
