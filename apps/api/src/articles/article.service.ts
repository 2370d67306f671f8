import { Injectable } from '@nestjs/common';
import { canonicalize, type Block, type PositionedBlock } from '@marginalia/content';
import { createHash } from 'node:crypto';
import type { Prisma } from '../generated/prisma/client.js';
import { notFound } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import type { ArticleModel, ArticleRevisionModel } from './models/article.model.js';

export interface ArticleListOptions {
  search?: string | null;
  orderBy?: 'NEWEST' | 'MOST_DISCUSSED';
  take?: number;
}

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
} as const;

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

  /** Articles with their discussion counts, in two statements whatever the list length. */
  async list(options: ArticleListOptions = {}): Promise<ArticleModel[]> {
    const search = options.search?.trim();
    const articles = await this.prisma.article.findMany({
      where: search ? { title: { contains: search, mode: 'insensitive' } } : {},
      orderBy: { createdAt: 'desc' },
      take: Math.min(options.take ?? 200, 500),
      select: ARTICLE_FIELDS,
    });
    const counts = await this.countsFor(articles.map((a) => a.id));
    const result = articles.map((a) => ({ ...a, ...(counts.get(a.id) ?? { threadCount: 0, commentCount: 0 }) }));
    if (options.orderBy === 'MOST_DISCUSSED') result.sort((a, b) => b.commentCount - a.commentCount);
    return result;
  }

  async bySlug(slug: string): Promise<ArticleModel | null> {
    const article = await this.prisma.article.findUnique({ where: { slug }, select: ARTICLE_FIELDS });
    if (!article) return null;
    const counts = await this.countsFor([article.id]);
    return { ...article, ...(counts.get(article.id) ?? { threadCount: 0, commentCount: 0 }) };
  }

  async revision(articleId: string, version?: number | null): Promise<ArticleRevisionModel> {
    const revision =
      version == null
        ? await this.prisma.articleRevision.findFirst({ where: { articleId }, orderBy: { version: 'desc' } })
        : await this.prisma.articleRevision.findUnique({ where: { articleId_version: { articleId, version } } });
    if (!revision) throw notFound('Revision', 'version');
    return revisionView(revision);
  }

  async revisions(articleId: string): Promise<ArticleRevisionModel[]> {
    const rows = await this.prisma.articleRevision.findMany({ where: { articleId }, orderBy: { version: 'asc' } });
    return rows.map(revisionView);
  }

  private async countsFor(articleIds: string[]): Promise<Map<string, { threadCount: number; commentCount: number }>> {
    if (articleIds.length === 0) return new Map();
    const rows = await this.prisma.thread.groupBy({
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
