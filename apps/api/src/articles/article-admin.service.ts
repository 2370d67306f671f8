import { Injectable, Logger } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import type { Prisma } from '../generated/prisma/client.js';
import { badInput, DomainError, notFound } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { JobQueue } from '../infra/queue/job-queue.js';
import { EventBus } from '../realtime/event-bus.js';
import type { AuditAction } from '../moderation/audit/audit-action.js';
import { ArticleService } from './article.service.js';
import type {
  DeleteArticleInput,
  SetArticleDiscussionInput,
  SetArticleStateInput,
  UpdateArticleInput,
} from './dto/article-admin.inputs.js';
import type { ArticleModel } from './models/article.model.js';

/** How an audit row shows a value: quoted text, ISO dates, "none" for nothing. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return `“${value}”`;
  return String(value as boolean | number);
}

/** "field: before → after" for each field that changes; empty when nothing does. */
function changes(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.entries(after)
    .filter(([key, value]) => value !== undefined && shown(value) !== shown(before[key]))
    .map(([key, value]) => `${key}: ${shown(before[key])} → ${shown(value)}`);
}

/**
 * Tells the article's open pages that its state or discussion changed, so a reader sees the
 * discussion close without reloading. Best effort, like every live event.
 */
export async function announceDiscussionChanged(events: EventBus, articleId: string): Promise<void> {
  await events
    .discussion({
      type: 'DISCUSSION_CHANGED',
      articleId,
      threadId: null,
      commentId: null,
      authorId: null,
      status: null,
    })
    .catch(() => undefined);
}

/**
 * The admin's article desk: details, state, discussion switches, deletion. Every change is
 * written with an audit row (ModerationAction with the article) in the same transaction,
 * saying what changed from what.
 */
@Injectable()
export class ArticleAdminService {
  private readonly logger = new Logger(ArticleAdminService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly articles: ArticleService,
    private readonly jobs: JobQueue,
    private readonly events: EventBus,
  ) {}

  async update(input: UpdateArticleInput, viewer: Viewer): Promise<ArticleModel> {
    const before = await this.target(input.articleId);
    if (input.title !== undefined && input.title.trim() === '') throw badInput('title', 'title must not be empty');
    const data = {
      title: input.title?.trim(),
      author: input.author === undefined ? undefined : input.author?.trim() || null,
      siteName: input.siteName === undefined ? undefined : input.siteName?.trim() || null,
      publishedAt: input.publishedAt,
      slug: input.slug,
    };
    const changed = changes(before, data);
    if (changed.length > 0) {
      await this.prisma.$transaction(async (tx) => {
        if (input.slug && input.slug !== before.slug) await this.moveSlug(tx, before.id, before.slug, input.slug);
        await tx.article.update({ where: { id: before.id }, data });
        await this.audit(tx, viewer, before.id, 'UPDATE_ARTICLE', changed.join('; '));
      });
    }
    return this.view(before.id, viewer);
  }

  async setState(input: SetArticleStateInput, viewer: Viewer): Promise<ArticleModel> {
    const before = await this.target(input.articleId);
    if (before.state !== input.state) {
      await this.prisma.$transaction(async (tx) => {
        await tx.article.update({ where: { id: before.id }, data: { state: input.state } });
        await this.audit(tx, viewer, before.id, 'SET_ARTICLE_STATE', `${before.state} → ${input.state}`);
      });
      await announceDiscussionChanged(this.events, before.id);
    }
    return this.view(before.id, viewer);
  }

  async setDiscussion(input: SetArticleDiscussionInput, viewer: Viewer): Promise<ArticleModel> {
    const before = await this.target(input.articleId);
    if (input.closesAt && input.closesAt.getTime() <= Date.now()) {
      throw badInput('closesAt', 'closesAt must be in the future (to close now, set commentsOpen to false)');
    }
    const data = {
      commentsOpen: input.commentsOpen,
      premod: input.premod ?? undefined,
      commentsClosesAt: input.closesAt,
    };
    const changed = changes(before, data);
    if (changed.length > 0) {
      await this.prisma.$transaction(async (tx) => {
        await tx.article.update({ where: { id: before.id }, data });
        await this.audit(tx, viewer, before.id, 'SET_ARTICLE_DISCUSSION', changed.join('; '));
      });
      if (input.closesAt) await this.scheduleClose(before.id, input.closesAt);
      await announceDiscussionChanged(this.events, before.id);
    }
    return this.view(before.id, viewer);
  }

  /**
   * Removes the article with its revisions and whole discussion (the database cascades). The
   * audit row outlives it: it names the article in its reason, without the article's id as a
   * link (that link would cascade away with it).
   */
  async delete(input: DeleteArticleInput, viewer: Viewer): Promise<boolean> {
    const article = await this.target(input.articleId);
    if (input.confirmSlug.trim() !== article.slug) {
      throw badInput('confirmSlug', `Type the article’s slug (${article.slug}) to confirm`);
    }
    await this.prisma.$transaction(async (tx) => {
      const [threads, comments] = await Promise.all([
        tx.thread.count({ where: { articleId: article.id } }),
        tx.comment.count({ where: { thread: { articleId: article.id } } }),
      ]);
      await tx.article.delete({ where: { id: article.id } });
      await this.audit(
        tx,
        viewer,
        null,
        'DELETE_ARTICLE',
        `${shown(article.title)} (${article.slug}, ${article.id}) with ${threads} threads and ${comments} comments`,
      );
    });
    return true;
  }

  private async target(articleId: string) {
    const article = await this.prisma.article.findUnique({
      where: { id: articleId },
      select: {
        id: true,
        slug: true,
        title: true,
        author: true,
        siteName: true,
        publishedAt: true,
        state: true,
        premod: true,
        commentsOpen: true,
        commentsClosesAt: true,
      },
    });
    if (!article) throw notFound('Article', 'articleId');
    return article;
  }

  /** The old slug keeps answering; a slug taken by another article (or its old links) is refused. */
  private async moveSlug(tx: Prisma.TransactionClient, articleId: string, from: string, to: string): Promise<void> {
    const [taken, redirect] = await Promise.all([
      tx.article.findUnique({ where: { slug: to }, select: { id: true } }),
      tx.articleSlugRedirect.findUnique({ where: { slug: to } }),
    ]);
    if (taken || (redirect && redirect.articleId !== articleId)) {
      throw new DomainError('CONFLICT', `The slug ${to} is taken by another article`, 'slug');
    }
    // Back to a slug it had before: that one is no longer a redirect.
    if (redirect) await tx.articleSlugRedirect.delete({ where: { slug: to } });
    await tx.articleSlugRedirect.create({ data: { slug: from, articleId } });
  }

  private async audit(
    tx: Prisma.TransactionClient,
    viewer: Viewer,
    articleId: string | null,
    action: AuditAction,
    reason: string,
  ): Promise<void> {
    await tx.moderationAction.create({ data: { actorId: viewer.id, articleId, action, reason } });
  }

  private async view(articleId: string, viewer: Viewer): Promise<ArticleModel> {
    const article = await this.articles.byId(articleId, viewer);
    if (!article) throw notFound('Article', 'articleId');
    return article;
  }

  /**
   * The discussion closes by itself through a delayed job named after the time, so setting
   * the same time twice schedules it once, and a changed time makes the old job a no-op
   * (the handler compares it). Writes already refuse past the time; the job makes it explicit.
   */
  private async scheduleClose(articleId: string, at: Date): Promise<void> {
    const delay = Math.max(0, at.getTime() - Date.now());
    await this.jobs
      .add('close-discussion', { articleId, at: at.toISOString() }, `close-discussion:${articleId}:${at.getTime()}`, {
        delay,
      })
      .catch((error: unknown) =>
        this.logger.warn({ err: error, articleId }, 'could not schedule the closing of a discussion; the sweep will'),
      );
  }
}
