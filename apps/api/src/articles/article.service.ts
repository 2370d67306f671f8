import { Injectable } from '@nestjs/common';
import { canonicalize, type Block, type PositionedBlock } from '@marginalia/content';
import { createHash } from 'node:crypto';
import { isStaff, type Viewer } from '../auth/viewer.js';
import type { StoredAnchorJson } from '../comments/anchor-data.js';
import type { RevisionThreadModel, RevisionThreadOutcome } from './models/revision-thread.model.js';
import { discussionStatus, mayRead } from './article-access.js';
import { decodeCursor, encodeCursor } from '../infra/pagination/cursor.js';
import type { Prisma } from '../generated/prisma/client.js';
import { notFound } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { articlePageSql, type ArticleRow } from './article-page.sql.js';
import type { ArticlePageArgs, RevisionPageArgs } from './dto/article-page.args.js';
import type { ArticleConnectionModel, ArticleRevisionConnectionModel } from './models/article-connection.model.js';
import type { ArticleModel, ArticleRevisionModel } from './models/article.model.js';

/** Longest title search; longer input is cut, not refused. */
const MAX_SEARCH = 200;
/** The sort name revision cursors are bound to (comments/cursor.ts). */
const REVISION_ORDER = 'VERSION_DESC';

const ARTICLE_FIELDS = {
  id: true,
  slug: true,
  title: true,
  author: true,
  siteName: true,
  sourceUrl: true,
  publishedAt: true,
  createdAt: true,
  currentRevisionId: true,
  premod: true,
  state: true,
  commentsOpen: true,
  commentsClosesAt: true,
  siteId: true,
} as const;

type ArticleFields = Prisma.ArticleGetPayload<{ select: typeof ARTICLE_FIELDS }>;

export const contentHash = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Turns stored JSON blocks back into positioned blocks with their canonical text. */
export function revisionView(revision: {
  id: string;
  version: number;
  blocks: Prisma.JsonValue;
  canonicalText: string;
  contentHash: string;
  createdAt: Date;
}): ArticleRevisionModel {
  const { blocks } = canonicalize(revision.blocks as unknown as Block[]);
  return {
    id: revision.id,
    version: revision.version,
    blocks: blocks as PositionedBlock[],
    text: revision.canonicalText,
    contentHash: revision.contentHash,
    createdAt: revision.createdAt,
  };
}

@Injectable()
export class ArticleService {
  constructor(private readonly prisma: PrismaService) {}

  /** A page of articles with their discussion counts, in one statement, ordered in SQL. */
  async page(args: ArticlePageArgs, viewer: Viewer | null): Promise<ArticleConnectionModel> {
    const order = args.orderBy ?? 'NEWEST';
    const rows = await this.prisma.reads.$queryRaw<ArticleRow[]>(
      articlePageSql({
        search: args.search?.trim().slice(0, MAX_SEARCH) || null,
        order,
        limit: args.first,
        after: decodeCursor(order, args.after),
        withUnpublished: isStaff(viewer),
      }),
    );
    const nodes = rows.slice(0, args.first).map(({ siteCommentsOpen, ...row }) => ({
      ...row,
      discussionStatus: discussionStatus({ ...row, siteCommentsOpen }),
    }));
    const last = nodes.at(-1);
    const hasNextPage = rows.length > args.first;
    return {
      nodes,
      pageInfo: {
        hasNextPage,
        endCursor:
          hasNextPage && last
            ? encodeCursor(order, { id: last.id, key: order === 'MOST_DISCUSSED' ? last.commentCount : null })
            : null,
      },
    };
  }

  /**
   * The article by its slug, or by a slug it had before (renamed articles keep their links);
   * null where there is none or the viewer may not read it (unpublished, for a reader).
   */
  async bySlug(slug: string, viewer: Viewer | null): Promise<ArticleModel | null> {
    const article =
      (await this.prisma.reads.article.findUnique({ where: { slug }, select: ARTICLE_FIELDS })) ??
      (await this.prisma.reads.articleSlugRedirect.findUnique({ where: { slug } }).article({ select: ARTICLE_FIELDS }));
    return article && mayRead(article, viewer) ? this.view(article) : null;
  }

  /** The article by id, as bySlug. */
  async byId(id: string, viewer: Viewer | null): Promise<ArticleModel | null> {
    const article = await this.prisma.reads.article.findUnique({ where: { id }, select: ARTICLE_FIELDS });
    return article && mayRead(article, viewer) ? this.view(article) : null;
  }

  private async view(article: ArticleFields): Promise<ArticleModel> {
    // The site's default matters only where the article has no switch of its own (a statement
    // saved on the hot read of an article page otherwise).
    const [counts, site] = await Promise.all([
      this.countsFor([article.id]),
      article.siteId && article.commentsOpen === null
        ? this.prisma.reads.site.findUnique({ where: { id: article.siteId }, select: { commentsOpen: true } })
        : null,
    ]);
    const { siteId: _siteId, ...fields } = article;
    return {
      ...fields,
      discussionStatus: discussionStatus({ ...article, siteCommentsOpen: site?.commentsOpen ?? null }),
      ...(counts.get(article.id) ?? { threadCount: 0, commentCount: 0 }),
    };
  }

  async revision(articleId: string, version?: number | null): Promise<ArticleRevisionModel> {
    const revision =
      version == null
        ? await this.prisma.reads.articleRevision.findFirst({ where: { articleId }, orderBy: { version: 'desc' } })
        : await this.prisma.reads.articleRevision.findUnique({ where: { articleId_version: { articleId, version } } });
    if (!revision) throw notFound('Revision', 'version');
    return revisionView(revision);
  }

  /** Revisions newest first; the cursor holds the last version shown. */
  async revisions(articleId: string, args: RevisionPageArgs): Promise<ArticleRevisionConnectionModel> {
    const after = decodeCursor(REVISION_ORDER, args.after);
    const rows = await this.prisma.reads.articleRevision.findMany({
      where: { articleId, ...(after ? { version: { lt: after.key ?? 0 } } : {}) },
      orderBy: { version: 'desc' },
      take: args.first + 1,
    });
    const nodes = rows.slice(0, args.first).map(revisionView);
    const last = nodes.at(-1);
    const hasNextPage = rows.length > args.first;
    return {
      nodes,
      pageInfo: {
        hasNextPage,
        endCursor: hasNextPage && last ? encodeCursor(REVISION_ORDER, { id: last.id, key: last.version }) : null,
      },
    };
  }

  /**
   * The threads last evaluated against a revision (Thread.revisionId: re-anchoring moves
   * threads forward one revision at a time, orphans included), with what it did to each.
   */
  async threadOutcomes(revisionId: string): Promise<RevisionThreadModel[]> {
    const threads = await this.prisma.reads.thread.findMany({
      where: { revisionId, anchorStatus: { not: null } },
      orderBy: [{ anchorStart: 'asc' }, { createdAt: 'asc' }],
      select: { id: true, anchor: true, originalAnchor: true, anchorStatus: true, commentCount: true },
    });
    return threads.map((t) => {
      const anchor = t.anchor as unknown as StoredAnchorJson | null;
      const original = t.originalAnchor as unknown as StoredAnchorJson | null;
      const quote = anchor?.quote.exact ?? original?.quote.exact ?? '';
      const originalQuote = original && original.quote.exact !== quote ? original.quote.exact : null;
      // Carried over from an earlier revision to another place in this one.
      const moved =
        original !== null &&
        anchor !== null &&
        original.revisionId !== revisionId &&
        original.position.start !== anchor.position.start;
      const outcome: RevisionThreadOutcome =
        t.anchorStatus === 'ORPHANED' || t.anchorStatus === 'FUZZY' ? t.anchorStatus : moved ? 'MOVED' : 'ANCHORED';
      return { threadId: t.id, outcome, quote, originalQuote, commentCount: t.commentCount };
    });
  }

  private async countsFor(articleIds: string[]): Promise<Map<string, { threadCount: number; commentCount: number }>> {
    if (articleIds.length === 0) return new Map();
    const rows = await this.prisma.reads.thread.groupBy({
      by: ['articleId'],
      where: { articleId: { in: articleIds }, commentCount: { gt: 0 } },
      _count: { _all: true },
      _sum: { commentCount: true },
    });
    return new Map(
      rows.map((r) => [r.articleId, { threadCount: r._count._all, commentCount: r._sum.commentCount ?? 0 }]),
    );
  }
}
