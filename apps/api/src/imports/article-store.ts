import { Injectable } from '@nestjs/common';
import { canonicalize, type ParsedArticle, type ParsedComment } from '@marginalia/content';
import { contentHash } from '../articles/article.service.js';
import { renderMarkdown } from '../common/markdown.js';
import { anchoredThreadData } from '../comments/anchor-data.js';
import type { Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { slugify } from './slug.js';

export interface StoreResult {
  articleId: string;
  slug: string;
  revisionId: string;
  version: number;
  /** False when the text was unchanged: nothing was written. */
  newRevision: boolean;
  /** True when an earlier revision existed, so threads need re-anchoring. */
  revised: boolean;
  commentsCreated: number;
  anchoredThreads: number;
  replies: number;
  pageThreads: number;
}

/**
 * Writes a parsed article in one transaction: the article (found by slug or source URL),
 * a new revision only when the canonical text changed, and legacy comments that are not
 * there yet (keyed by their original number), so retries and re-imports never duplicate.
 */
@Injectable()
export class ArticleStore {
  constructor(private readonly prisma: PrismaService) {}

  async store(parsed: ParsedArticle, options: { slug?: string; sourceUrl?: string } = {}): Promise<StoreResult> {
    const { text } = canonicalize(parsed.blocks);
    const hash = contentHash(text);
    const sourceUrl = options.sourceUrl ?? parsed.sourceUrl ?? null;
    const wantedSlug = options.slug ?? parsed.slug;

    return this.prisma.$transaction(
      async (tx) => {
        let article = await tx.article.findFirst({
          where: {
            OR: [
              ...(wantedSlug ? [{ slug: wantedSlug }] : []),
              ...(sourceUrl ? [{ sourceUrl }] : []),
              ...(!wantedSlug && !sourceUrl ? [{ slug: slugify(parsed.title) }] : []),
            ],
          },
        });
        const metadata = {
          title: parsed.title,
          author: parsed.author ?? null,
          siteName: parsed.siteName ?? null,
          publishedAt: parsed.publishedAt ? new Date(parsed.publishedAt) : null,
        };
        if (!article) {
          article = await tx.article.create({
            data: { ...metadata, slug: await uniqueSlug(tx, wantedSlug ?? slugify(parsed.title)), sourceUrl },
          });
        }
        const existing = await tx.articleRevision.findUnique({
          where: { articleId_contentHash: { articleId: article.id, contentHash: hash } },
        });
        const latest = await tx.articleRevision.findFirst({
          where: { articleId: article.id },
          orderBy: { version: 'desc' },
          select: { version: true },
        });
        let revision = existing;
        if (!revision) {
          revision = await tx.articleRevision.create({
            data: {
              articleId: article.id,
              version: (latest?.version ?? 0) + 1,
              blocks: parsed.blocks as unknown as Prisma.InputJsonValue,
              canonicalText: text,
              contentHash: hash,
            },
          });
          await tx.article.update({ where: { id: article.id }, data: { ...metadata, currentRevisionId: revision.id } });
        }
        const counts = await this.storeLegacyComments(tx, article.id, revision.id, parsed.comments);
        return {
          articleId: article.id,
          slug: article.slug,
          revisionId: revision.id,
          version: revision.version,
          newRevision: !existing,
          revised: !existing && latest !== null,
          ...counts,
        };
      },
      { timeout: 60_000 },
    );
  }

  private async storeLegacyComments(
    tx: Prisma.TransactionClient,
    articleId: string,
    revisionId: string,
    comments: ParsedComment[],
  ): Promise<Pick<StoreResult, 'commentsCreated' | 'anchoredThreads' | 'replies' | 'pageThreads'>> {
    const counts = { commentsCreated: 0, anchoredThreads: 0, replies: 0, pageThreads: 0 };
    if (comments.length === 0) return counts;
    const existing = await tx.comment.findMany({
      where: { thread: { articleId }, legacyNumber: { not: null } },
      select: { id: true, legacyNumber: true, threadId: true },
    });
    const byNumber = new Map(existing.map((c) => [c.legacyNumber as number, c]));
    for (const comment of [...comments].sort((a, b) => a.number - b.number)) {
      if (byNumber.has(comment.number)) continue;
      const parent = comment.parentNumber !== undefined ? byNumber.get(comment.parentNumber) : undefined;
      let threadId = parent?.threadId;
      if (!threadId) {
        const anchor = comment.anchor;
        const thread = await tx.thread.create({
          data: {
            articleId,
            ...(anchor
              ? anchoredThreadData({
                  revisionId,
                  position: { start: anchor.start, end: anchor.end },
                  quote: { exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix },
                })
              : {}),
          },
        });
        threadId = thread.id;
        if (anchor) counts.anchoredThreads++;
        else counts.pageThreads++;
      } else {
        counts.replies++;
      }
      const postedAt = new Date(comment.postedAt);
      const created = await tx.comment.create({
        data: {
          threadId,
          parentId: parent?.id ?? null,
          legacyAuthor: comment.authorName,
          legacyNumber: comment.number,
          legacyPostedAt: postedAt,
          createdAt: postedAt,
          bodySource: comment.bodyMarkdown,
          bodyHtml: renderMarkdown(comment.bodyMarkdown),
          status: 'PUBLISHED',
          statusReason: 'IMPORTED',
        },
        select: { id: true, legacyNumber: true, threadId: true },
      });
      await tx.thread.update({ where: { id: threadId }, data: { commentCount: { increment: 1 } } });
      if (parent) await tx.comment.update({ where: { id: parent.id }, data: { replyCount: { increment: 1 } } });
      byNumber.set(comment.number, created);
      counts.commentsCreated++;
    }
    return counts;
  }
}

async function uniqueSlug(tx: Prisma.TransactionClient, base: string): Promise<string> {
  const taken = new Set(
    (await tx.article.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((a) => a.slug),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
