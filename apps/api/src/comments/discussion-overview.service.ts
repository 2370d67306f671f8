import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import { assertReadable } from '../articles/article-access.js';
import { badInput, notFound } from '../infra/errors/domain-error.js';
import { decodeCursor, encodeCursor } from '../infra/pagination/cursor.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import {
  highlightMapSql,
  threadSummarySql,
  type HighlightRangeSqlRow,
  type ThreadSummarySqlRow,
} from './discussion-overview.sql.js';
import type { ThreadSummaryArgs } from './dto/page.args.js';
import type { ThreadModel } from './models/comment.model.js';
import type {
  HighlightRangeModel,
  ThreadSummaryConnectionModel,
  ThreadSummaryModel,
} from './models/discussion-overview.model.js';
import { ThreadReader } from './thread.reader.js';
import type { CommentStatus } from '../generated/prisma/enums.js';

/** Characters of a summary's excerpt: two lines of a margin card. */
export const EXCERPT_LENGTH = 160;
/** The cursor order of summary pages (text order). */
export const SUMMARY_ORDER = 'PASSAGE';

/**
 * What a reader's first view of a large discussion asks for instead of every thread: the
 * highlight map of the whole text, summaries of the threads in and near the viewport, and a
 * whole thread when it is opened.
 */
@Injectable()
export class DiscussionOverviewService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly reader: ThreadReader,
  ) {}

  highlightMap(articleId: string, viewer: Viewer | null): Promise<HighlightRangeModel[]> {
    return this.prisma.$queryRaw<HighlightRangeSqlRow[]>(highlightMapSql(articleId, viewer?.id ?? null));
  }

  async summaries(
    articleId: string,
    args: ThreadSummaryArgs,
    viewer: Viewer | null,
  ): Promise<ThreadSummaryConnectionModel> {
    if (args.to <= args.from) throw badInput('to', 'to must be above from');
    const after = decodeCursor(SUMMARY_ORDER, args.after);
    const rows = await this.prisma.$queryRaw<ThreadSummarySqlRow[]>(
      threadSummarySql({
        articleId,
        viewerId: viewer?.id ?? null,
        from: args.from,
        to: args.to,
        limit: args.first + 1,
        after,
      }),
    );
    const page = rows.slice(0, args.first);
    const last = page.at(-1);
    return {
      nodes: page.map(toSummary),
      pageInfo: {
        hasNextPage: rows.length > args.first,
        endCursor: last ? encodeCursor(SUMMARY_ORDER, { id: last.id, key: last.start }) : null,
      },
    };
  }

  /** One whole thread as the viewer may see it; one with nothing visible to them does not exist. */
  async thread(threadId: string, viewer: Viewer | null): Promise<ThreadModel> {
    const [thread] = await this.reader.byIds([threadId], viewer);
    if (!thread) throw notFound('Thread', 'id');
    const article = await this.prisma.article.findUniqueOrThrow({
      where: { id: thread.articleId },
      select: { state: true },
    });
    assertReadable(article, viewer, 'Thread', 'id');
    return thread;
  }
}

/** Rows to models; shared with the large-read benchmark's baseline, which must encode the same JSON. */
export function toSummary(row: ThreadSummarySqlRow): ThreadSummaryModel {
  const deleted = row.firstStatus === 'DELETED';
  return {
    id: row.id,
    start: row.start,
    end: row.end,
    exact: row.exact,
    commentCount: row.commentCount,
    createdAt: row.createdAt,
    firstCommentId: row.firstCommentId,
    firstStatus: row.firstStatus as CommentStatus,
    excerpt: deleted ? '' : excerptOf(row.firstBodyHtml, EXCERPT_LENGTH),
    authorName: deleted ? null : (row.firstAuthorName ?? 'Anonymous'),
    postedAt: row.firstPostedAt,
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/** Sanitized comment HTML as plain text, whitespace collapsed, cut at a word with an ellipsis. */
export function excerptOf(html: string, max: number): string {
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name in ENTITIES) return ENTITIES[name]!;
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const word = cut.lastIndexOf(' ');
  return `${(word > max / 2 ? cut.slice(0, word) : cut).trimEnd()}…`;
}
