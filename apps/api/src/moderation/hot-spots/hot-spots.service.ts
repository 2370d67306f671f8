import { Injectable } from '@nestjs/common';
import { CodePointIndex } from '@marginalia/anchoring/codepoints';
import { Prisma } from '../../generated/prisma/client.js';
import type { FlagReason } from '../../generated/prisma/enums.js';
import { notFound } from '../../infra/errors/domain-error.js';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import type { HotSpotsArgs } from './hot-spots.args.js';
import type { HotSpotModel, HotSpotsModel } from './hot-spots.models.js';

/** The period when none is given: the last 30 days. */
const DEFAULT_PERIOD_MS = 30 * 24 * 3600 * 1000;

interface ThreadHeat {
  id: string;
  start: number;
  end: number;
  comments: number;
  held: number;
  pending: number;
  rejected: number;
}

/** A thread's moderation over the period; only threads that drew some come back. */
const threadHeatSql = (articleId: string, revisionId: string, from: Date, to: Date): Prisma.Sql => Prisma.sql`
  SELECT t.id,
         (t.anchor->'position'->>'start')::int AS start,
         (t.anchor->'position'->>'end')::int AS "end",
         count(c.id)::int AS comments,
         count(c.id) FILTER (WHERE c.status = 'HELD')::int AS held,
         count(c.id) FILTER (WHERE c.status = 'PENDING')::int AS pending,
         count(c.id) FILTER (WHERE c.status = 'REJECTED')::int AS rejected,
         (SELECT count(*)::int FROM "Flag" f JOIN "Comment" fc ON fc.id = f."commentId"
           WHERE fc."threadId" = t.id AND f."createdAt" >= ${from} AND f."createdAt" < ${to}) AS flags
    FROM "Thread" t
    LEFT JOIN "Comment" c ON c."threadId" = t.id AND c."createdAt" >= ${from} AND c."createdAt" < ${to}
   WHERE t."articleId" = ${articleId}::uuid
     AND t."revisionId" = ${revisionId}::uuid
     AND t."anchorStatus" IS NOT NULL AND t."anchorStatus" <> 'ORPHANED'
   GROUP BY t.id`;

/** Reports by thread and reason over the period. */
const flagReasonsSql = (articleId: string, from: Date, to: Date): Prisma.Sql => Prisma.sql`
  SELECT c."threadId" AS "threadId", f.reason, count(*)::int AS count
    FROM "Flag" f
    JOIN "Comment" c ON c.id = f."commentId"
    JOIN "Thread" t ON t.id = c."threadId"
   WHERE t."articleId" = ${articleId}::uuid AND f."createdAt" >= ${from} AND f."createdAt" < ${to}
   GROUP BY 1, 2`;

/**
 * Where on the text moderation happens: the passages whose threads drew the most reports,
 * holds and rejections over a period, hottest first. Threads whose passages overlap are one
 * passage. Counted from the comments posted and the reports filed in the period; held and
 * pending are the comments' status now.
 */
@Injectable()
export class HotSpotsService {
  constructor(private readonly prisma: PrismaService) {}

  async hotSpots(args: HotSpotsArgs): Promise<HotSpotsModel> {
    const to = args.to ?? new Date();
    const from = args.from ?? new Date(to.getTime() - DEFAULT_PERIOD_MS);
    const article = await this.prisma.article.findUnique({
      where: { id: args.articleId },
      select: { id: true, currentRevision: { select: { id: true, canonicalText: true } } },
    });
    if (!article) throw notFound('Article', 'articleId');
    const revision = article.currentRevision;
    if (!revision) return { articleId: article.id, revisionId: null, from, to, passages: [] };

    const [threads, reasons] = await Promise.all([
      this.prisma.$queryRaw<Array<ThreadHeat & { flags: number }>>(threadHeatSql(article.id, revision.id, from, to)),
      this.prisma.$queryRaw<Array<{ threadId: string; reason: FlagReason; count: number }>>(
        flagReasonsSql(article.id, from, to),
      ),
    ]);
    const reasonsByThread = new Map<string, Map<FlagReason, number>>();
    for (const row of reasons) {
      const byReason = reasonsByThread.get(row.threadId) ?? new Map<FlagReason, number>();
      byReason.set(row.reason, row.count);
      reasonsByThread.set(row.threadId, byReason);
    }
    const hot = threads.filter((t) => t.flags + t.held + t.rejected > 0).sort((a, b) => a.start - b.start);
    const text = new CodePointIndex(revision.canonicalText);
    const passages = mergeOverlapping(hot).map((group) => toHotSpot(group, reasonsByThread, text));
    passages.sort((a, b) => b.heat - a.heat || a.start - b.start);
    return { articleId: article.id, revisionId: revision.id, from, to, passages: passages.slice(0, args.first) };
  }
}

/** Threads sorted by start, grouped where their passages overlap. */
function mergeOverlapping<T extends { start: number; end: number }>(sorted: readonly T[]): T[][] {
  const groups: T[][] = [];
  let end = -1;
  for (const thread of sorted) {
    const last = groups[groups.length - 1];
    if (last && thread.start < end) {
      last.push(thread);
      end = Math.max(end, thread.end);
    } else {
      groups.push([thread]);
      end = thread.end;
    }
  }
  return groups;
}

function toHotSpot(
  group: ReadonlyArray<ThreadHeat & { flags: number }>,
  reasonsByThread: ReadonlyMap<string, ReadonlyMap<FlagReason, number>>,
  text: CodePointIndex,
): HotSpotModel {
  const start = Math.min(...group.map((t) => t.start));
  const end = Math.max(...group.map((t) => t.end));
  const sum = (pick: (t: ThreadHeat & { flags: number }) => number): number =>
    group.reduce((n, t) => n + pick(t), 0);
  const byReason = new Map<FlagReason, number>();
  for (const thread of group) {
    for (const [reason, count] of reasonsByThread.get(thread.id) ?? []) {
      byReason.set(reason, (byReason.get(reason) ?? 0) + count);
    }
  }
  const flags = sum((t) => t.flags);
  const held = sum((t) => t.held);
  const rejected = sum((t) => t.rejected);
  return {
    start,
    end,
    quote: text.slice(start, Math.min(end, text.length)),
    flags,
    flagReasons: [...byReason].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    held,
    pending: sum((t) => t.pending),
    rejected,
    comments: sum((t) => t.comments),
    heat: flags + held + 2 * rejected,
    threadIds: group.map((t) => t.id),
  };
}
