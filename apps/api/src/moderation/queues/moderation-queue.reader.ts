import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client.js';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { MODERATED_USER_WITH_NOTES_SELECT, toModeratedUser } from '../../users/models/moderated-user.model.js';
import type { PipelineScores } from '../pipeline/index.js';
import { decodeTimeCursor, encodeTimeCursor } from '../../infra/pagination/cursor.js';
import { loadPassages } from './passages.js';
import { queuesOf, queueWhere, type ModerationQueue } from './queue-membership.js';
import type {
  ModerationItemModel,
  ModerationQueuePageModel,
  ModerationScoresModel,
  QueueOrder,
} from './queue.models.js';

/** Open flags and history entries shown per item; older ones stay in moderationLog. */
const MAX_FLAGS = 50;
const MAX_HISTORY = 50;
/** Earlier versions of an edited comment shown per item. */
const MAX_REVISIONS = 10;

const ITEM_SELECT = {
  id: true,
  threadId: true,
  parentId: true,
  bodyHtml: true,
  bodySource: true,
  status: true,
  statusReason: true,
  moderationScores: true,
  openFlagCount: true,
  createdAt: true,
  editedAt: true,
  reviewedAt: true,
  legacyAuthor: true,
  revisions: {
    orderBy: { createdAt: 'desc' },
    take: MAX_REVISIONS,
    select: { bodySource: true, bodyHtml: true, createdAt: true },
  },
  author: { select: MODERATED_USER_WITH_NOTES_SELECT },
  thread: { select: { article: { select: { id: true, slug: true, title: true } } } },
  parent: {
    select: {
      id: true,
      bodyHtml: true,
      status: true,
      createdAt: true,
      legacyAuthor: true,
      author: { select: { displayName: true } },
    },
  },
  flags: {
    where: { resolved: false },
    orderBy: { createdAt: 'asc' },
    take: MAX_FLAGS,
    select: {
      id: true,
      reason: true,
      note: true,
      reporterId: true,
      createdAt: true,
      reporter: { select: { handle: true } },
    },
  },
  actions: {
    orderBy: { createdAt: 'desc' },
    take: MAX_HISTORY,
    select: {
      id: true,
      action: true,
      reason: true,
      fromStatus: true,
      toStatus: true,
      actorId: true,
      commentId: true,
      targetUserId: true,
      articleId: true,
      createdAt: true,
      actor: { select: { handle: true } },
    },
  },
} satisfies Prisma.CommentSelect;

type ItemRow = Prisma.CommentGetPayload<{ select: typeof ITEM_SELECT }>;

export interface QueueQuery {
  queue: ModerationQueue;
  articleId?: string | null;
  first: number;
  after?: string | null;
  order: QueueOrder;
}

/**
 * Loads a page of a moderation queue in a constant number of statements, whatever the page
 * size: the comments with their author, article, parent, open flags and history (Prisma
 * batches each relation into one query), plus one statement for the anchored passages.
 */
@Injectable()
export class ModerationQueueReader {
  constructor(private readonly prisma: PrismaService) {}

  async page({ queue, articleId, first, after, order }: QueueQuery): Promise<ModerationQueuePageModel> {
    const direction = order === 'NEWEST' ? 'desc' : 'asc';
    const where: Prisma.CommentWhereInput[] = [queueWhere(queue)];
    if (articleId) where.push({ articleId });
    const cursor = decodeTimeCursor(`queue:${order}`, after);
    if (cursor) {
      const beyond = direction === 'desc' ? 'lt' : 'gt';
      // The first condition repeats what the OR implies: PostgreSQL cannot start an index range
      // at an OR, and without it page 1,000 read the queue from its start (`pnpm bench queues`).
      where.push(
        { createdAt: { [direction === 'desc' ? 'lte' : 'gte']: cursor.createdAt } },
        {
          OR: [
            { createdAt: { [beyond]: cursor.createdAt } },
            { createdAt: cursor.createdAt, id: { [beyond]: cursor.id } },
          ],
        },
      );
    }
    const rows = await this.prisma.comment.findMany({
      where: { AND: where },
      orderBy: [{ createdAt: direction }, { id: direction }],
      take: first + 1,
      select: ITEM_SELECT,
    });
    const hasNextPage = rows.length > first;
    const items = await this.assemble(rows.slice(0, first));
    const last = items.at(-1);
    return {
      items,
      pageInfo: {
        hasNextPage,
        endCursor: last ? encodeTimeCursor(`queue:${order}`, { createdAt: last.comment.createdAt, id: last.id }) : null,
      },
    };
  }

  /** The same items by comment id (order kept; unknown ids dropped). */
  async byIds(ids: string[]): Promise<ModerationItemModel[]> {
    if (ids.length === 0) return [];
    const rows = await this.prisma.comment.findMany({ where: { id: { in: ids } }, select: ITEM_SELECT });
    const items = new Map((await this.assemble(rows)).map((item) => [item.id, item]));
    return ids.flatMap((id) => items.get(id) ?? []);
  }

  /** A user's latest comments, whatever their status, for the moderator's user view. */
  async recentByAuthor(authorId: string, first: number): Promise<ModerationItemModel[]> {
    const rows = await this.prisma.comment.findMany({
      where: { authorId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: first,
      select: ITEM_SELECT,
    });
    return this.assemble(rows);
  }

  private async assemble(rows: ItemRow[]): Promise<ModerationItemModel[]> {
    const passages = await loadPassages(this.prisma, [...new Set(rows.map((r) => r.threadId))]);
    return rows.map((row) => ({
      id: row.id,
      comment: {
        id: row.id,
        threadId: row.threadId,
        parentId: row.parentId,
        bodyHtml: row.bodyHtml,
        bodySource: row.bodySource,
        status: row.status,
        statusReason: row.statusReason,
        scores: toScores(row.moderationScores),
        openFlagCount: row.openFlagCount,
        createdAt: row.createdAt,
        editedAt: row.editedAt,
        reviewedAt: row.reviewedAt,
        revisions: row.revisions,
      },
      author: row.author ? toModeratedUser(row.author) : null,
      authorName: row.author?.displayName ?? row.legacyAuthor ?? 'Anonymous',
      article: row.thread.article,
      passage: passages.get(row.threadId) ?? null,
      parent: row.parent
        ? {
            id: row.parent.id,
            authorName: row.parent.author?.displayName ?? row.parent.legacyAuthor ?? 'Anonymous',
            bodyHtml: row.parent.bodyHtml,
            status: row.parent.status,
            createdAt: row.parent.createdAt,
          }
        : null,
      flags: row.flags.map((f) => ({
        id: f.id,
        reason: f.reason,
        note: f.note,
        reporterId: f.reporterId,
        reporterHandle: f.reporter.handle,
        createdAt: f.createdAt,
      })),
      history: row.actions.map(({ actor, ...entry }) => ({ ...entry, actorHandle: actor?.handle ?? null })).reverse(),
      queues: queuesOf(row),
    }));
  }
}

/** The pipeline's scores JSON (PipelineScores plus the deciding phase's detail) as a typed object. */
export function toScores(value: Prisma.JsonValue): ModerationScoresModel | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const scores = value as PipelineScores & { detail?: string | null };
  return {
    bannedWords: scores.bannedWords ?? [],
    suspectWords: scores.suspectWords ?? [],
    linkCount: scores.links?.count ?? null,
    linkDomains: scores.links?.domains ?? [],
    repeatSimilarity: scores.repeat?.similarity ?? null,
    spamScore: scores.spam?.score ?? null,
    spamSignals: scores.spam?.signals ?? [],
    toxicTerms: scores.toxicity?.terms ?? [],
    historyRejectionRate: scores.history?.rejectionRate ?? null,
    detail: scores.detail ?? null,
  };
}
