import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import type { Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { COMMENT_SELECT, isVisible, toCommentModel, type CommentRow } from './comment-view.js';
import type { AnchorModel, ReactionCountModel, ThreadModel } from './models/comment.model.js';

export interface StoredAnchorJson {
  revisionId: string;
  position: { start: number; end: number };
  quote: { exact: string; prefix: string; suffix: string };
}

interface ThreadRow {
  id: string;
  articleId: string;
  anchor: Prisma.JsonValue;
  originalAnchor: Prisma.JsonValue;
  anchorStatus: ThreadModel['anchorStatus'];
  anchorScore: number | null;
  commentCount: number;
  createdAt: Date;
}

export function anchorOf(row: ThreadRow): AnchorModel | null {
  const anchor = row.anchor as unknown as StoredAnchorJson | null;
  if (!anchor || !row.anchorStatus) return null;
  return {
    revisionId: anchor.revisionId,
    start: anchor.position.start,
    end: anchor.position.end,
    exact: anchor.quote.exact,
    prefix: anchor.quote.prefix,
    suffix: anchor.quote.suffix,
    status: row.anchorStatus,
    score: row.anchorScore,
  };
}

/**
 * Loads an article's discussion for one viewer in four statements, however many
 * threads and comments there are: threads, comments, reaction counts, own reactions.
 */
@Injectable()
export class ThreadReader {
  constructor(private readonly prisma: PrismaService) {}

  async forArticle(articleId: string, viewer: Viewer | null): Promise<ThreadModel[]> {
    const threads = await this.prisma.thread.findMany({
      where: { articleId },
      orderBy: [{ anchorStart: 'asc' }, { createdAt: 'asc' }],
    });
    return this.assemble(threads, { thread: { articleId } }, viewer);
  }

  async byIds(threadIds: string[], viewer: Viewer | null): Promise<ThreadModel[]> {
    const threads = await this.prisma.thread.findMany({ where: { id: { in: threadIds } } });
    return this.assemble(threads, { threadId: { in: threadIds } }, viewer);
  }

  private async assemble(
    threads: ThreadRow[],
    where: Prisma.CommentWhereInput,
    viewer: Viewer | null,
  ): Promise<ThreadModel[]> {
    if (threads.length === 0) return [];
    const visibility: Prisma.CommentWhereInput[] = [
      { status: 'PUBLISHED' },
      { status: 'DELETED', replyCount: { gt: 0 } },
      ...(viewer ? [{ authorId: viewer.id }] : []),
    ];
    const rows = (await this.prisma.comment.findMany({
      where: { ...where, OR: visibility },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: COMMENT_SELECT,
    })) as CommentRow[];
    const visible = rows.filter((r) => isVisible(r, viewer));
    const ids = visible.map((r) => r.id);
    const [counts, mine] = await Promise.all([
      ids.length
        ? this.prisma.reaction.groupBy({
            by: ['commentId', 'kind'],
            where: { commentId: { in: ids } },
            _count: { _all: true },
          })
        : Promise.resolve([]),
      ids.length && viewer
        ? this.prisma.reaction.findMany({
            where: { commentId: { in: ids }, userId: viewer.id },
            select: { commentId: true, kind: true },
          })
        : Promise.resolve([]),
    ]);
    const reactionsBy = new Map<string, ReactionCountModel[]>();
    for (const c of counts) {
      const list = reactionsBy.get(c.commentId) ?? [];
      list.push({ kind: c.kind, count: c._count._all });
      reactionsBy.set(c.commentId, list);
    }
    const mineBy = new Map<string, string[]>();
    for (const r of mine) mineBy.set(r.commentId, [...(mineBy.get(r.commentId) ?? []), r.kind]);
    const byThread = new Map<string, ThreadModel['comments']>();
    for (const row of visible) {
      const list = byThread.get(row.threadId) ?? [];
      list.push(toCommentModel(row, viewer, reactionsBy.get(row.id), mineBy.get(row.id)));
      byThread.set(row.threadId, list);
    }
    return threads
      .filter((t) => byThread.has(t.id))
      .map((t) => ({
        id: t.id,
        articleId: t.articleId,
        anchor: anchorOf(t),
        originalQuote: (t.originalAnchor as unknown as StoredAnchorJson | null)?.quote.exact ?? null,
        anchorStatus: t.anchorStatus,
        commentCount: t.commentCount,
        createdAt: t.createdAt,
        comments: byThread.get(t.id) ?? [],
      }));
  }
}
