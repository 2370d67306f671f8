import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client.js';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { FLAGGED, type ModerationQueue } from '../queues/queue-membership.js';
import { Coalescer } from './coalescer.js';

export type QueueCounts = Record<ModerationQueue, number>;

interface CountRow {
  pending: bigint;
  reported: bigint;
  unmoderated: bigint;
  approved: bigint;
  rejected: bigint;
}

/**
 * Size of each queue, in one statement (the same rules as queueWhere). Site-wide counts go
 * with every moderation event, so concurrent requests for them share one query
 * (Coalescer) while still seeing every change committed before they asked.
 */
@Injectable()
export class ModerationCounts {
  private readonly siteWide = new Coalescer(() => this.count(null));

  constructor(private readonly prisma: PrismaService) {}

  get(articleId: string | null = null): Promise<QueueCounts> {
    return articleId ? this.count(articleId) : this.siteWide.get();
  }

  private async count(articleId: string | null): Promise<QueueCounts> {
    const byArticle = articleId
      ? Prisma.sql`JOIN "Thread" t ON t.id = c."threadId" AND t."articleId" = ${articleId}::uuid`
      : Prisma.empty;
    const [row] = await this.prisma.$queryRaw<CountRow[]>`
      SELECT
        count(*) FILTER (WHERE c.status = 'HELD' AND c."statusReason" IS DISTINCT FROM ${FLAGGED}) AS pending,
        count(*) FILTER (WHERE (c.status = 'PUBLISHED' AND c."openFlagCount" > 0)
                            OR (c.status = 'HELD' AND c."statusReason" = ${FLAGGED})) AS reported,
        count(*) FILTER (WHERE c.status = 'PUBLISHED' AND c."reviewedAt" IS NULL) AS unmoderated,
        count(*) FILTER (WHERE c.status = 'PUBLISHED' AND c."reviewedAt" IS NOT NULL) AS approved,
        count(*) FILTER (WHERE c.status = 'REJECTED') AS rejected
      FROM "Comment" c ${byArticle}
      WHERE c.status IN ('HELD', 'PUBLISHED', 'REJECTED')`;
    return {
      PENDING: Number(row?.pending ?? 0),
      REPORTED: Number(row?.reported ?? 0),
      UNMODERATED: Number(row?.unmoderated ?? 0),
      APPROVED: Number(row?.approved ?? 0),
      REJECTED: Number(row?.rejected ?? 0),
    };
  }
}
