import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { anchorOf, type StoredAnchorJson } from './anchor-data.js';
import { toCommentModel } from './comment-view.js';
import { encodeCursor } from '../infra/pagination/cursor.js';
import {
  articleThreadsSql,
  reactionCountsSql,
  replyPageSql,
  threadPageSql,
  threadsByIdSql,
  viewerReactionsSql,
  visibleCommentsSql,
  type CommentSqlRow,
  type PageCursor,
  type ReactionCountSqlRow,
  type Scope,
  type ThreadSqlRow,
  type ViewerReactionSqlRow,
} from './discussion.sql.js';
import type { CommentModel, ReactionCountModel, ThreadModel } from './models/comment.model.js';
import type { CommentConnectionModel, ThreadConnectionModel } from './models/connection.model.js';
import type { CommentSort, ThreadScope, ThreadSort } from './models/discussion-enums.js';

export type { StoredAnchorJson };

export interface ThreadPageOptions {
  sort: ThreadSort;
  scope: ThreadScope;
  first: number;
  after: PageCursor | null;
}

export interface ReplyPageOptions {
  sort: CommentSort;
  first: number;
  after: PageCursor | null;
}

/**
 * Reads discussions for one viewer in a constant number of statements, however many
 * threads and comments there are: threads (or a page of them) and comments with authors,
 * plus reaction counts and own reactions only when some comment has reactions. Rows are
 * turned into plain objects once, so GraphQL resolves no per-field promises on the lists.
 */
@Injectable()
export class ThreadReader {
  constructor(private readonly prisma: PrismaService) {}

  /** Every thread with something the viewer may see, in text order; page-level last. */
  async forArticle(articleId: string, viewer: Viewer | null): Promise<ThreadModel[]> {
    const [threads, comments] = await Promise.all([
      this.prisma.reads.$queryRaw<ThreadSqlRow[]>(articleThreadsSql(articleId)),
      this.comments({ articleId }, viewer),
    ]);
    return assemble(threads, comments, false);
  }

  /** Threads by id; `keepEmpty` keeps threads with nothing visible (for staff tools). */
  async byIds(threadIds: string[], viewer: Viewer | null, keepEmpty = false): Promise<ThreadModel[]> {
    if (threadIds.length === 0) return [];
    const [threads, comments] = await Promise.all([
      this.prisma.reads.$queryRaw<ThreadSqlRow[]>(threadsByIdSql(threadIds)),
      this.comments({ threadIds }, viewer),
    ]);
    const byId = new Map(assemble(threads, comments, keepEmpty).map((t) => [t.id, t]));
    return threadIds.flatMap((id) => byId.get(id) ?? []);
  }

  async page(articleId: string, viewer: Viewer | null, options: ThreadPageOptions): Promise<ThreadConnectionModel> {
    const rows = await this.prisma.reads.$queryRaw<ThreadSqlRow[]>(
      threadPageSql({ articleId, viewerId: viewer?.id ?? null, ...options, limit: options.first + 1 }),
    );
    const pageRows = rows.slice(0, options.first);
    const comments = pageRows.length ? await this.comments({ threadIds: pageRows.map((t) => t.id) }, viewer) : [];
    const last = pageRows.at(-1);
    return {
      nodes: assemble(pageRows, comments, true),
      pageInfo: {
        hasNextPage: rows.length > options.first,
        endCursor: last ? encodeCursor(options.sort, { id: last.id, key: last.sortKey ?? null }) : null,
      },
    };
  }

  async replies(parentId: string, viewer: Viewer | null, options: ReplyPageOptions): Promise<CommentConnectionModel> {
    const rows = await this.prisma.reads.$queryRaw<Array<{ id: string; sortKey: number }>>(
      replyPageSql({ parentId, viewerId: viewer?.id ?? null, ...options, limit: options.first + 1 }),
    );
    const pageRows = rows.slice(0, options.first);
    const comments = pageRows.length ? await this.comments({ commentIds: pageRows.map((r) => r.id) }, viewer) : [];
    const byId = new Map(comments.map((c) => [c.id, c]));
    const last = pageRows.at(-1);
    return {
      nodes: pageRows.flatMap((r) => byId.get(r.id) ?? []),
      pageInfo: {
        hasNextPage: rows.length > options.first,
        endCursor: last ? encodeCursor(options.sort, { id: last.id, key: last.sortKey }) : null,
      },
    };
  }

  /** One comment as the viewer may see it, or null. */
  async comment(commentId: string, viewer: Viewer | null): Promise<CommentModel | null> {
    const [comment] = await this.comments({ commentIds: [commentId] }, viewer);
    return comment ?? null;
  }

  /** Visible comments of a scope, oldest first, with reactions. */
  async comments(scope: Scope, viewer: Viewer | null): Promise<CommentModel[]> {
    const rows = await this.prisma.reads.$queryRaw<CommentSqlRow[]>(visibleCommentsSql(scope, viewer?.id ?? null));
    // Comment.reactionCount is kept in step with Reaction rows: most pages need no reaction query.
    const reacted = rows.some((r) => r.reactionCount > 0);
    const [counts, mine] = reacted
      ? await Promise.all([
          this.prisma.reads.$queryRaw<ReactionCountSqlRow[]>(reactionCountsSql(scope)),
          viewer
            ? this.prisma.reads.$queryRaw<ViewerReactionSqlRow[]>(viewerReactionsSql(scope, viewer.id))
            : Promise.resolve([]),
        ])
      : [[], []];
    return toComments(rows, counts, mine, viewer);
  }
}

/** Rows to models; shared with the read benchmark's baseline, which must encode the same JSON. */
export function toComments(
  rows: readonly CommentSqlRow[],
  counts: readonly ReactionCountSqlRow[],
  mine: readonly ViewerReactionSqlRow[],
  viewer: Viewer | null,
): CommentModel[] {
  const reactionsBy = new Map<string, ReactionCountModel[]>();
  for (const c of counts) {
    const list = reactionsBy.get(c.commentId);
    if (list) list.push({ kind: c.kind, count: c.count });
    else reactionsBy.set(c.commentId, [{ kind: c.kind, count: c.count }]);
  }
  const mineBy = new Map<string, string[]>();
  for (const r of mine) {
    const list = mineBy.get(r.commentId);
    if (list) list.push(r.kind);
    else mineBy.set(r.commentId, [r.kind]);
  }
  return rows.map((row) => toCommentModel(row, viewer, reactionsBy.get(row.id), mineBy.get(row.id)));
}

/** Groups comments under their threads; without `keepEmpty`, threads with nothing visible are dropped. */
export function assemble(
  threads: readonly ThreadSqlRow[],
  comments: readonly CommentModel[],
  keepEmpty: boolean,
): ThreadModel[] {
  const byThread = new Map<string, CommentModel[]>();
  for (const comment of comments) {
    const list = byThread.get(comment.threadId);
    if (list) list.push(comment);
    else byThread.set(comment.threadId, [comment]);
  }
  const result: ThreadModel[] = [];
  for (const t of threads) {
    const list = byThread.get(t.id);
    if (!list && !keepEmpty) continue;
    result.push({
      id: t.id,
      articleId: t.articleId,
      anchor: anchorOf(t),
      originalQuote: (t.originalAnchor as unknown as StoredAnchorJson | null)?.quote.exact ?? null,
      anchorStatus: t.anchorStatus,
      commentCount: t.commentCount,
      createdAt: t.createdAt,
      comments: list ?? [],
    });
  }
  return result;
}
