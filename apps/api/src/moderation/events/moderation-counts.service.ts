import { Injectable } from '@nestjs/common';
import { prepared } from '../../infra/prisma/prepared.js';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { MODERATION_QUEUES, type ModerationQueue } from '../queues/queue-membership.js';
import { Coalescer } from './coalescer.js';

export type QueueCounts = Record<ModerationQueue, number>;

/** The ModerationQueueCount rows of the whole site carry this article id. */
export const SITE_WIDE = '00000000-0000-0000-0000-000000000000';

/**
 * One row per queue (`queue`, `n`): the folded count of the rows `countsOf` names plus the
 * deltas `deltasWhere` keeps, not folded yet.
 */
const queueCounts = (countsOf: string, deltasWhere: string): string => `
    SELECT queue, sum(n)::int AS n FROM (
      SELECT queue, count AS n FROM "ModerationQueueCount" WHERE "articleId" = ${countsOf}
      UNION ALL
      SELECT queue, delta FROM "ModerationQueueDelta" ${deltasWhere}
    ) parts
    GROUP BY queue`;

/** Queue sizes site-wide (see queueCounts); also read inside the pipeline's decision statement. */
export const SITE_WIDE_COUNTS_SQL = queueCounts(`'${SITE_WIDE}'::uuid`, '');

const SITE_COUNTS = prepared<{ queue: string; n: number }>('moderation.site-counts', SITE_WIDE_COUNTS_SQL, []);
const ARTICLE_COUNTS = prepared<{ queue: string; n: number }>(
  'moderation.article-counts',
  queueCounts('$1::uuid', 'WHERE "articleId" = $1::uuid'),
  [SITE_WIDE],
);

/** Counts by queue name (as read) to QueueCounts: a queue with no row is empty. */
export function toQueueCounts(read: Record<string, number>): QueueCounts {
  return Object.fromEntries(MODERATION_QUEUES.map((q) => [q, read[q] ?? 0])) as QueueCounts;
}

/**
 * Size of each queue, site-wide or on one article. Counts are kept in the database
 * (ModerationQueueCount, per article and for the whole site, plus the deltas a trigger on
 * Comment appends, see the migration `moderation_queue_counts`), so a read costs a few
 * rows however many comments and articles there are. Site-wide counts go with every
 * moderation event, so concurrent requests for them share one query (Coalescer) while
 * still seeing every change committed before they asked. `compact()` folds the deltas into
 * the counts; the worker calls it every few seconds.
 */
@Injectable()
export class ModerationCounts {
  private readonly siteWide = new Coalescer(() => this.count(null));

  constructor(private readonly prisma: PrismaService) {}

  get(articleId: string | null = null): Promise<QueueCounts> {
    return articleId ? this.count(articleId) : this.siteWide.get();
  }

  /**
   * Moves up to `batch` deltas into the counts of their articles and of the site, in one
   * statement (a reader sees the deltas either before or after the move, never both or
   * neither). Concurrent compactions take disjoint deltas and lock count rows in one order.
   * Returns how many deltas it moved.
   */
  async compact(batch = 10_000): Promise<number> {
    const [row] = await this.prisma.$queryRaw<Array<{ moved: number }>>`
      WITH moved AS (
        DELETE FROM "ModerationQueueDelta"
        WHERE id IN (SELECT id FROM "ModerationQueueDelta" ORDER BY id LIMIT ${batch} FOR UPDATE SKIP LOCKED)
        RETURNING "articleId", queue, delta
      ), folded AS (
        INSERT INTO "ModerationQueueCount" ("articleId", queue, count)
        SELECT "articleId", queue, n FROM (
          SELECT "articleId", queue, sum(delta)::int AS n FROM moved GROUP BY 1, 2
          UNION ALL
          SELECT ${SITE_WIDE}::uuid, queue, sum(delta)::int FROM moved GROUP BY 2
        ) sums
        ORDER BY 1, 2
        ON CONFLICT ("articleId", queue) DO UPDATE SET count = "ModerationQueueCount".count + EXCLUDED.count
      )
      SELECT count(*)::int AS moved FROM moved`;
    return row?.moved ?? 0;
  }

  private async count(articleId: string | null): Promise<QueueCounts> {
    const rows = articleId
      ? await this.prisma.run(ARTICLE_COUNTS, [articleId])
      : await this.prisma.run(SITE_COUNTS, []);
    return toQueueCounts(Object.fromEntries(rows.map((r) => [r.queue, r.n])));
  }
}
