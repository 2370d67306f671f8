import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client.js';
import { decodeTimeCursor, encodeTimeCursor } from '../../infra/pagination/cursor.js';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { MAX_AUDIT_EXPORT, type AuditLogArgs, type AuditLogFilterInput } from './audit-log.args.js';
import type { AuditLogEntryModel, AuditLogPageModel } from './audit-log.models.js';
import { toCsv } from './csv.js';

const ORDER = 'audit:NEWEST';

const ENTRY_INCLUDE = {
  actor: { select: { handle: true } },
  targetUser: { select: { handle: true } },
  article: { select: { title: true } },
} satisfies Prisma.ModerationActionInclude;

type EntryRow = Prisma.ModerationActionGetPayload<{ include: typeof ENTRY_INCLUDE }>;

/**
 * The site-wide audit trail: every decision, sanction, role change, settings change and
 * re-attachment, newest first in keyset pages (the (createdAt, id) index), filtered by the user
 * it concerns, the article, the actor, actions and time; and the same as CSV for staff.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly prisma: PrismaService) {}

  async page(args: AuditLogArgs): Promise<AuditLogPageModel> {
    const where: Prisma.ModerationActionWhereInput[] = [filterWhere(args.filter)];
    const cursor = decodeTimeCursor(ORDER, args.after);
    if (cursor) {
      where.push({
        OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
      });
    }
    const rows = await this.prisma.moderationAction.findMany({
      where: { AND: where },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: args.first + 1,
      include: ENTRY_INCLUDE,
    });
    const entries = rows.slice(0, args.first).map(toEntry);
    const last = entries.at(-1);
    return {
      entries,
      pageInfo: {
        hasNextPage: rows.length > args.first,
        endCursor: last ? encodeTimeCursor(ORDER, { createdAt: last.createdAt, id: last.id }) : null,
      },
    };
  }

  /** The newest MAX_AUDIT_EXPORT entries of the filter as CSV (RFC 4180, a header row). */
  async csv(filter: AuditLogFilterInput | null | undefined): Promise<string> {
    const rows = await this.prisma.moderationAction.findMany({
      where: filterWhere(filter),
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: MAX_AUDIT_EXPORT,
      include: ENTRY_INCLUDE,
    });
    return toCsv(
      ['time', 'action', 'actor', 'user', 'article', 'comment', 'from', 'to', 'reason', 'before', 'after'],
      rows
        .map(toEntry)
        .map((e) => [
          e.createdAt.toISOString(),
          e.action,
          e.actorHandle ?? (e.actorId ? e.actorId : 'pipeline'),
          e.targetHandle ?? e.targetUserId,
          e.articleTitle ?? e.articleId,
          e.commentId,
          e.fromStatus,
          e.toStatus,
          e.reason,
          e.before,
          e.after,
        ]),
    );
  }
}

function filterWhere(filter: AuditLogFilterInput | null | undefined): Prisma.ModerationActionWhereInput {
  if (!filter) return {};
  const createdAt: Prisma.DateTimeFilter = {};
  if (filter.from) createdAt.gte = filter.from;
  if (filter.to) createdAt.lt = filter.to;
  return {
    ...(filter.userId ? { targetUserId: filter.userId } : {}),
    ...(filter.articleId ? { articleId: filter.articleId } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.actions && filter.actions.length > 0 ? { action: { in: filter.actions } } : {}),
    ...(filter.from || filter.to ? { createdAt } : {}),
  };
}

function toEntry({ actor, targetUser, article, before, after, ...row }: EntryRow): AuditLogEntryModel {
  return {
    ...row,
    actorHandle: actor?.handle ?? null,
    targetHandle: targetUser?.handle ?? null,
    articleTitle: article?.title ?? null,
    before: before === null ? null : JSON.stringify(before),
    after: after === null ? null : JSON.stringify(after),
  };
}
