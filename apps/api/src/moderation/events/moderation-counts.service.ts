import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client.js';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { MODERATION_QUEUES, type ModerationQueue } from '../queues/queue-membership.js';
import { Coalescer } from './coalescer.js';

export type QueueCounts = Record<ModerationQueue, number>;

/**
 * Size of each queue, site-wide or on one article. Counts are kept in the database
 * (ModerationQueueCount plus the deltas a trigger on Comment appends, see the migration
 * `moderation_queue_counts`), so a read costs a few rows however many comments there are.
 * Site-wide counts go with every moderation event, so concurrent requests for them share
 * one query (Coalescer) while still seeing every change committed before they asked.
 * `compact()` folds the deltas into the counts; the worker calls it every few seconds.
 */
@Injectable()
export class ModerationCounts {
  private readonly siteWide = new Coalescer(() => this.count(null));

  constructor(private readonly prisma: PrismaService) {}

  get(articleId: string | null = null): Promise<QueueCounts> {
    return articleId ? this.count(articleId) : this.siteWide.get();
  }

  /**
   * Moves up to `batch` deltas into the counts, in one statement (a reader sees the deltas
   * either before or after the move, never both or neither). Concurrent compactions take
   * disjoint deltas and lock count rows in one order. Returns how many deltas it moved.
   */
  async compact(batch = 10_000): Promise<number> {
    const [row] = await this.prisma.$queryRaw<Array<{ moved: number }>>`
      WITH moved AS (
        DELETE FROM "ModerationQueueDelta"
        WHERE id IN (SELECT id FROM "ModerationQueueDelta" ORDER BY id LIMIT ${batch} FOR UPDATE SKIP LOCKED)
        RETURNING "articleId", queue, delta
      ), folded AS (
        INSERT INTO "ModerationQueueCount" ("articleId", queue, count)
        SELECT "articleId", queue, sum(delta)::int FROM moved GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT ("articleId", queue) DO UPDATE SET count = "ModerationQueueCount".count + EXCLUDED.count
      )
      SELECT count(*)::int AS moved FROM moved`;
    return row?.moved ?? 0;
  }

  private async count(articleId: string | null): Promise<QueueCounts> {
    const onArticle = articleId ? Prisma.sql`WHERE "articleId" = ${articleId}::uuid` : Prisma.empty;
    const rows = await this.prisma.$queryRaw<Array<{ queue: string; n: number }>>`
      SELECT queue, sum(n)::int AS n FROM (
        SELECT queue, count AS n FROM "ModerationQueueCount" ${onArticle}
        UNION ALL
        SELECT queue, delta FROM "ModerationQueueDelta" ${onArticle}
      ) parts
      GROUP BY queue`;
    const counts = Object.fromEntries(MODERATION_QUEUES.map((q) => [q, 0])) as QueueCounts;
    for (const row of rows) if (row.queue in counts) counts[row.queue as ModerationQueue] = row.n;
    return counts;
  }
}
