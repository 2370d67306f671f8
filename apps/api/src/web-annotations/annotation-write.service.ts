import { anchor, sliceCodePoints } from '@marginalia/anchoring';
import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import { CommentEditService } from '../comments/comment-edit.service.js';
import { CommentService } from '../comments/comment.service.js';
import { assertDiscussionOpen } from '../articles/article-access.js';
import { badInput, forbidden } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { readAnnotation } from './annotation.input.js';
import { AnnotationReader, type ArticleRef } from './annotation.reader.js';
import { isUUID } from 'class-validator';

/** The path part of an IRI, or null when it is not an absolute IRI. */
function pathOf(iri: string): string | null {
  try {
    return decodeURIComponent(new URL(iri).pathname);
  } catch {
    return null;
  }
}

/**
 * Writes through the discussion's own services, so an annotation posted here is a comment
 * like any other: rate-limited, PENDING and sent through moderation; edits and deletes
 * keep the GraphQL API's rules (author only within the window, or staff for deletes).
 */
@Injectable()
export class AnnotationWriteService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly reader: AnnotationReader,
    private readonly comments: CommentService,
    private readonly edits: CommentEditService,
  ) {}

  /** Creates a thread (target: the article, optionally a passage) or a reply (target: an annotation). */
  async create(slug: string, value: unknown, viewer: Viewer): Promise<string> {
    const article = await this.reader.article(slug, viewer);
    // Refused before the passage search: a closed discussion takes nothing (NOT_FOUND or COMMENTS_CLOSED).
    assertDiscussionOpen(article.gate, viewer, 'Article', 'slug');
    const received = readAnnotation(value);
    // Spent before the passage search below, which reads and searches the whole article.
    await this.comments.spendPostingBudget(viewer);
    const path = received.targetIri ? pathOf(received.targetIri) : null;
    const parentId = path ? this.annotationIdIn(article, path) : null;
    if (parentId) {
      const parent = await this.prisma.comment.findUnique({
        where: { id: parentId },
        select: { thread: { select: { articleId: true } } },
      });
      if (parent && parent.thread.articleId !== article.id) {
        throw badInput('annotation.target', 'A reply must target an annotation of this article');
      }
      const reply = await this.comments.reply({ parentId, body: received.body, stance: received.stance }, viewer, {
        budgetSpent: true,
      });
      return reply.id;
    }
    if (path !== `/a/${article.slug}`) {
      throw badInput('annotation.target', `target must be the article (/a/${article.slug}) or one of its annotations`);
    }
    const selector = received.selectors ? this.passage(article, received.selectors) : undefined;
    const thread = await this.comments.createThread(
      { articleId: article.id, body: received.body, selector, stance: received.stance },
      viewer,
      {
        budgetSpent: true,
      },
    );
    return thread.comments[0]!.id;
  }

  /** Replaces the Markdown body and the stance (the rest of an annotation is not editable). */
  async update(commentId: string, value: unknown, viewer: Viewer): Promise<void> {
    const received = readAnnotation(value);
    // A PUT replaces the annotation: no stance motivation clears the stance.
    await this.edits.edit({ commentId, body: received.body, stance: received.stance }, viewer);
  }

  /** Refuses before any precondition is looked at: only the author may edit. */
  async assertAuthor(commentId: string, viewer: Viewer): Promise<void> {
    const comment = await this.prisma.comment.findUnique({ where: { id: commentId }, select: { authorId: true } });
    if (comment?.authorId !== viewer.id) throw forbidden('Only its author can edit a comment');
  }

  async delete(commentId: string, viewer: Viewer): Promise<void> {
    await this.edits.delete({ commentId }, viewer);
  }

  private annotationIdIn(article: ArticleRef, path: string): string | null {
    const prefix = `/annotations/${article.slug}/`;
    if (!path.startsWith(prefix)) return null;
    const id = path.slice(prefix.length);
    return isUUID(id) ? id : null;
  }

  /** Anchors the client's selectors on the current text; the thread then stores the exact passage found. */
  private passage(
    article: ArticleRef,
    selectors: NonNullable<ReturnType<typeof readAnnotation>['selectors']>,
  ): { start: number; end: number; exact: string } {
    const revision = article.currentRevision;
    if (!revision) throw badInput('annotation.target', 'This article has no text to annotate');
    const found = anchor(revision.canonicalText, selectors);
    if (found.status === 'ORPHANED') {
      throw badInput('annotation.target.selector', 'The selected passage is not in the current text of the article');
    }
    return {
      start: found.start,
      end: found.end,
      exact: sliceCodePoints(revision.canonicalText, found.start, found.end),
    };
  }
}
