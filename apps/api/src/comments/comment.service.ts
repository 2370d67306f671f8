import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import type { Prisma } from '../generated/prisma/client.js';
import { badInput, notFound } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { RateLimiter } from '../infra/redis/rate-limiter.js';
import { EventBus } from '../realtime/event-bus.js';
import { anchoredThreadData } from './anchor-data.js';
import { cleanBody, renderBody } from './comment-body.js';
import type { CreateThreadInput, ReplyInput } from './dto/comment.inputs.js';
import type { CommentModel, ThreadModel } from './models/comment.model.js';
import { CommentModerationQueue } from './moderation-queue.js';
import { verifiedAnchor } from './selector.js';
import { ThreadReader } from './thread-reader.js';

/** Comments a user may post per minute, across all articles. */
export const COMMENTS_PER_MINUTE = 10;

/**
 * Posting: a comment is written as PENDING together with an outbox row for the
 * moderation job, in one transaction, so nothing is lost if Redis or the worker is down.
 */
@Injectable()
export class CommentService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly moderation: CommentModerationQueue,
    private readonly limiter: RateLimiter,
    private readonly reader: ThreadReader,
    private readonly events: EventBus,
  ) {}

  async createThread(input: CreateThreadInput, viewer: Viewer): Promise<ThreadModel> {
    const body = cleanBody(input.body);
    await this.limiter.consume(
      'comment',
      viewer.id,
      COMMENTS_PER_MINUTE,
      60,
      'You are commenting too fast; wait a minute',
    );
    const article = await this.prisma.article.findUnique({
      where: { id: input.articleId },
      select: { id: true, currentRevision: { select: { id: true, canonicalText: true } } },
    });
    if (!article?.currentRevision) throw notFound('Article', 'articleId');
    const html = await renderBody(this.prisma, body);
    const anchor = input.selector ? verifiedAnchor(article.currentRevision, input.selector) : null;
    const { threadId, commentId, outboxId } = await this.prisma.$transaction(async (tx) => {
      const thread = await tx.thread.create({
        data: {
          articleId: article.id,
          ...(anchor ? anchoredThreadData(anchor) : {}),
        },
      });
      const inserted = await this.insertComment(tx, { threadId: thread.id, parentId: null, body, html, viewer });
      return { threadId: thread.id, ...inserted };
    });
    await this.announce(article.id, threadId, commentId, viewer.id);
    await this.moderation.dispatch([outboxId]);
    const [thread] = await this.reader.byIds([threadId], viewer);
    return thread!;
  }

  async reply(input: ReplyInput, viewer: Viewer): Promise<CommentModel> {
    const body = cleanBody(input.body);
    await this.limiter.consume(
      'comment',
      viewer.id,
      COMMENTS_PER_MINUTE,
      60,
      'You are commenting too fast; wait a minute',
    );
    const parent = await this.prisma.comment.findUnique({
      where: { id: input.parentId },
      select: { id: true, threadId: true, status: true, thread: { select: { articleId: true } } },
    });
    if (!parent || (parent.status !== 'PUBLISHED' && parent.status !== 'DELETED'))
      throw notFound('Comment', 'parentId');
    if (parent.status === 'DELETED') throw badInput('parentId', 'You cannot reply to a deleted comment');
    const html = await renderBody(this.prisma, body);
    const { commentId, outboxId } = await this.prisma.$transaction((tx) =>
      this.insertComment(tx, { threadId: parent.threadId, parentId: parent.id, body, html, viewer }),
    );
    await this.announce(parent.thread.articleId, parent.threadId, commentId, viewer.id);
    await this.moderation.dispatch([outboxId]);
    const comment = await this.reader.comment(commentId, viewer);
    return comment!;
  }

  /**
   * Tells the author's other open pages (only them: it is PENDING) that the comment exists;
   * before the moderation job is queued, so this event always precedes its outcome.
   */
  private async announce(articleId: string, threadId: string, commentId: string, authorId: string): Promise<void> {
    await this.events
      .discussion({ type: 'COMMENT_ADDED', articleId, threadId, commentId, authorId, status: 'PENDING' })
      .catch(() => undefined);
  }

  private async insertComment(
    tx: Prisma.TransactionClient,
    {
      threadId,
      parentId,
      body,
      html,
      viewer,
    }: { threadId: string; parentId: string | null; body: string; html: string; viewer: Viewer },
  ): Promise<{ commentId: string; outboxId: string }> {
    const comment = await tx.comment.create({
      data: {
        threadId,
        parentId,
        authorId: viewer.id,
        bodySource: body,
        bodyHtml: html,
        status: 'PENDING',
      },
      select: { id: true },
    });
    if (parentId) await tx.comment.update({ where: { id: parentId }, data: { replyCount: { increment: 1 } } });
    return {
      commentId: comment.id,
      outboxId: await this.moderation.record(tx, comment.id),
    };
  }
}
