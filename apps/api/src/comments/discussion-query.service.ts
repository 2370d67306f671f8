import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import { assertReadable } from '../articles/article-access.js';
import { notFound } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { decodeCursor } from '../infra/pagination/cursor.js';
import type { ReplyPageArgs, ThreadPageArgs } from './dto/page.args.js';
import type { ThreadModel } from './models/comment.model.js';
import type {
  CommentConnectionModel,
  CommentPermalinkModel,
  ThreadConnectionModel,
} from './models/connection.model.js';
import { ThreadReader } from './thread.reader.js';

/** Reads behind the discussion queries: pages of threads and replies, orphans, permalinks. */
@Injectable()
export class DiscussionQueryService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly reader: ThreadReader,
  ) {}

  threadPage(articleId: string, args: ThreadPageArgs, viewer: Viewer | null): Promise<ThreadConnectionModel> {
    return this.reader.page(articleId, viewer, {
      sort: args.sort,
      scope: args.scope,
      first: args.first,
      after: decodeCursor(args.sort, args.after),
    });
  }

  async orphanedThreads(articleId: string, viewer: Viewer | null): Promise<ThreadModel[]> {
    const page = await this.reader.page(articleId, viewer, {
      sort: 'OLDEST',
      scope: 'ORPHANED',
      first: 1000,
      after: null,
    });
    return page.nodes;
  }

  async replies(args: ReplyPageArgs, viewer: Viewer | null): Promise<CommentConnectionModel> {
    const parent = await this.prisma.reads.comment.findUnique({
      where: { id: args.parentId },
      select: { thread: { select: { article: { select: { state: true } } } } },
    });
    if (parent) assertReadable(parent.thread.article, viewer, 'Comment', 'parentId');
    return this.reader.replies(args.parentId, viewer, {
      sort: args.sort,
      first: args.first,
      after: decodeCursor(args.sort, args.after),
    });
  }

  /** A comment as the viewer may see it, with its thread and article; others' hidden ones do not exist. */
  async permalink(commentId: string, viewer: Viewer | null): Promise<CommentPermalinkModel> {
    const comment = await this.reader.comment(commentId, viewer);
    if (!comment) throw notFound('Comment', 'id');
    const [[thread], article] = await Promise.all([
      this.reader.byIds([comment.threadId], viewer),
      this.prisma.reads.thread.findUniqueOrThrow({ where: { id: comment.threadId } }).article({
        select: { id: true, slug: true, title: true, state: true },
      }),
    ]);
    assertReadable(article, viewer, 'Comment', 'id');
    return { comment, thread: thread!, article };
  }
}
