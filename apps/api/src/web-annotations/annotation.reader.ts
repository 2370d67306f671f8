import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import { ThreadReader } from '../comments/thread.reader.js';
import { ARTICLE_GATE_SELECT, assertReadable, gateOf, type ArticleGate } from '../articles/article-access.js';
import { notFound } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { toAnnotation, type ArticleIris } from './annotation.mapper.js';
import type { AnnotationJson } from './annotation.types.js';
import { isUUID } from 'class-validator';

export interface ArticleRef {
  id: string;
  slug: string;
  title: string;
  createdAt: Date;
  currentRevision: { id: string; canonicalText: string } | null;
}

/** An article's discussion as the viewer may see it, in text order, each thread root before its replies. */
export interface AnnotationSet {
  article: ArticleRef;
  items: AnnotationJson[];
  /** The newest `modified` of the items, or the article's creation when there are none. */
  modified: string;
}

/**
 * Reads annotations through the discussion's ThreadReader, so exactly what the GraphQL
 * API would show the viewer is served: published comments, deleted placeholders that
 * still have replies, and the viewer's own pending or held ones.
 */
@Injectable()
export class AnnotationReader {
  constructor(
    private readonly prisma: PrismaService,
    private readonly threads: ThreadReader,
  ) {}

  /** The article by slug, NOT_FOUND where there is none or the viewer may not read it (unpublished). */
  async article(slug: string, viewer: Viewer | 'staff' | null): Promise<ArticleRef & { gate: ArticleGate }> {
    const article = await this.prisma.reads.article.findUnique({
      where: { slug },
      select: {
        id: true,
        slug: true,
        title: true,
        createdAt: true,
        currentRevision: { select: { id: true, canonicalText: true } },
        ...ARTICLE_GATE_SELECT,
      },
    });
    if (!article) throw notFound('Article', 'slug');
    if (viewer !== 'staff') assertReadable(article, viewer, 'Article', 'slug');
    const { state: _state, commentsOpen: _open, commentsClosesAt: _closes, site: _site, ...ref } = article;
    return { ...ref, gate: gateOf(article) };
  }

  /** One annotation as the viewer may see it, without reading the rest of the discussion; null if not theirs to see. */
  async one(slug: string, commentId: string, origin: string, viewer: Viewer | null): Promise<AnnotationJson | null> {
    if (!isUUID(commentId)) return null;
    const article = await this.article(slug, viewer);
    const comment = await this.threads.comment(commentId, viewer);
    if (!comment) return null;
    const [thread] = await this.threads.byIds([comment.threadId], viewer, true);
    if (!thread || thread.articleId !== article.id) return null;
    const [source, revision] = await Promise.all([
      comment.status === 'DELETED'
        ? null
        : this.prisma.reads.comment.findUnique({ where: { id: comment.id }, select: { bodySource: true } }),
      thread.anchor
        ? this.prisma.reads.articleRevision.findUnique({
            where: { id: thread.anchor.revisionId },
            select: { id: true, createdAt: true },
          })
        : null,
    ]);
    const revisionDates = new Map(revision ? [[revision.id, revision.createdAt]] : []);
    return toAnnotation(
      { origin, slug: article.slug },
      thread,
      { comment, source: source?.bodySource ?? null },
      revisionDates,
    );
  }

  async forArticle(slug: string, origin: string, viewer: Viewer | null): Promise<AnnotationSet> {
    const article = await this.article(slug, viewer);
    const threads = await this.threads.forArticle(article.id, viewer);
    const comments = threads.flatMap((t) => t.comments);
    // Sources of what the viewer may see; the reader's model keeps them for authors only (for editing).
    const [sources, revisions] = await Promise.all([
      this.prisma.reads.comment.findMany({
        where: { id: { in: comments.filter((c) => c.status !== 'DELETED').map((c) => c.id) } },
        select: { id: true, bodySource: true },
      }),
      this.prisma.reads.articleRevision.findMany({
        where: { articleId: article.id },
        select: { id: true, createdAt: true },
      }),
    ]);
    const sourceOf = new Map(sources.map((s) => [s.id, s.bodySource]));
    const revisionDates = new Map(revisions.map((r) => [r.id, r.createdAt]));
    const iris: ArticleIris = { origin, slug: article.slug };
    const items: AnnotationJson[] = [];
    for (const thread of threads) {
      // Roots first, then replies oldest first, so a reply never precedes its target.
      const ordered = [...thread.comments].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
      for (const comment of ordered) {
        items.push(toAnnotation(iris, thread, { comment, source: sourceOf.get(comment.id) ?? null }, revisionDates));
      }
    }
    const modified = items.reduce((max, a) => (a.modified > max ? a.modified : max), article.createdAt.toISOString());
    return { article, items, modified };
  }
}
