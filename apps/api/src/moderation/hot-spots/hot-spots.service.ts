import { Injectable } from '@nestjs/common';
import { CodePointIndex } from '@marginalia/anchoring/codepoints';
import { Prisma } from '../../generated/prisma/client.js';
import type { FlagReason } from '../../generated/prisma/enums.js';
import { mergeOverlapping } from '../../common/passage-groups.js';
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

/**
 * Comments of the article's anchored threads posted over the period, by status, with each
 * thread's passage; one aggregate over the article's comments (a correlated count per thread
 * was 15× slower on 10,000 threads).
 */
const threadHeatSql = (articleId: string, revisionId: string, from: Date, to: Date): Prisma.Sql => Prisma.sql`
  SELECT t.id,
         (t.anchor->'position'->>'start')::int AS start,
         (t.anchor->'position'->>'end')::int AS "end",
         s.comments, s.held, s.pending, s.rejected
    FROM (SELECT c."threadId",
                 count(*)::int AS comments,
                 count(*) FILTER (WHERE c.status = 'HELD')::int AS held,
                 count(*) FILTER (WHERE c.status = 'PENDING')::int AS pending,
                 count(*) FILTER (WHERE c.status = 'REJECTED')::int AS rejected
            FROM "Comment" c
            JOIN "Thread" ct ON ct.id = c."threadId"
           WHERE ct."articleId" = ${articleId}::uuid AND c."createdAt" >= ${from} AND c."createdAt" < ${to}
           GROUP BY c."threadId") s
    JOIN "Thread" t ON t.id = s."threadId"
   WHERE t."revisionId" = ${revisionId}::uuid
     AND t."anchorStatus" IS NOT NULL AND t."anchorStatus" <> 'ORPHANED'`;

/** The passage of each of these threads, if anchored on the revision (threads with reports only). */
const threadPassagesSql = (revisionId: string, threadIds: string[]): Prisma.Sql => Prisma.sql`
  SELECT t.id, (t.anchor->'position'->>'start')::int AS start, (t.anchor->'position'->>'end')::int AS "end"
    FROM "Thread" t
   WHERE t.id = ANY(${threadIds}::uuid[]) AND t."revisionId" = ${revisionId}::uuid
     AND t."anchorStatus" IS NOT NULL AND t."anchorStatus" <> 'ORPHANED'`;

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

    const [stats, reasons] = await Promise.all([
      this.prisma.$queryRaw<ThreadHeat[]>(threadHeatSql(article.id, revision.id, from, to)),
      this.prisma.$queryRaw<Array<{ threadId: string; reason: FlagReason; count: number }>>(
        flagReasonsSql(article.id, from, to),
      ),
    ]);
    const reasonsByThread = new Map<string, Map<FlagReason, number>>();
    const flagsByThread = new Map<string, number>();
    for (const row of reasons) {
      const byReason = reasonsByThread.get(row.threadId) ?? new Map<FlagReason, number>();
      byReason.set(row.reason, row.count);
      reasonsByThread.set(row.threadId, byReason);
      flagsByThread.set(row.threadId, (flagsByThread.get(row.threadId) ?? 0) + row.count);
    }
    const threads = new Map<string, ThreadHeat & { flags: number }>();
    for (const row of stats) threads.set(row.id, { ...row, flags: flagsByThread.get(row.id) ?? 0 });
    // Threads reported over the period whose comments were all posted before it.
    const reportedOnly = [...flagsByThread.keys()].filter((id) => !threads.has(id));
    if (reportedOnly.length > 0) {
      const rows = await this.prisma.$queryRaw<Array<{ id: string; start: number; end: number }>>(
        threadPassagesSql(revision.id, reportedOnly),
      );
      for (const row of rows) {
        threads.set(row.id, {
          ...row,
          comments: 0,
          held: 0,
          pending: 0,
          rejected: 0,
          flags: flagsByThread.get(row.id)!,
        });
      }
    }
    const hot = [...threads.values()]
      .filter((t) => t.flags + t.held + t.rejected > 0)
      .sort((a, b) => a.start - b.start);
    // Ranked on the groups' heat; only the passages returned are described in full.
    const ranked = mergeOverlapping(hot)
      .map((group) => ({ group, heat: group.reduce((n, t) => n + t.flags + t.held + 2 * t.rejected, 0) }))
      .sort((a, b) => b.heat - a.heat || a.group[0]!.start - b.group[0]!.start)
      .slice(0, args.first);
    const text = new CodePointIndex(revision.canonicalText);
    const passages = ranked.map(({ group }) => toHotSpot(group, reasonsByThread, text));
    return { articleId: article.id, revisionId: revision.id, from, to, passages };
  }
}

function toHotSpot(
  group: ReadonlyArray<ThreadHeat & { flags: number }>,
  reasonsByThread: ReadonlyMap<string, ReadonlyMap<FlagReason, number>>,
  text: CodePointIndex,
): HotSpotModel {
  const start = Math.min(...group.map((t) => t.start));
  const end = Math.max(...group.map((t) => t.end));
  const sum = (pick: (t: ThreadHeat & { flags: number }) => number): number => group.reduce((n, t) => n + pick(t), 0);
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
