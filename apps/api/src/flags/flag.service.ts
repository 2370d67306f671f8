import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import { Prisma } from '../generated/prisma/client.js';
import { assertReadable } from '../articles/article-access.js';
import { DomainError, forbidden, notFound } from '../infra/errors/domain-error.js';
import { OutboxService } from '../infra/outbox/outbox.service.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { RateLimiter } from '../infra/redis/rate-limiter.js';
import { ModerationEventsPublisher } from '../moderation/events/moderation-events.publisher.js';
import { queueChanges } from '../moderation/queues/queue-membership.js';
import type { FlagCommentInput } from './dto/flag-comment.input.js';
import type { FlagReceiptModel } from './models/flag-receipt.model.js';

/** Flags one reader may raise per window, against flag floods. */
export const FLAGS_PER_WINDOW = 20;
export const FLAG_WINDOW_SECONDS = 600;

/** Raised when the comment stops being published between the check and the write. */
class NotFlaggable extends Error {}

/**
 * Readers flag published comments: one open flag per reader per comment (a unique key on
 * open flags), never their own. The flag, the comment's open-flag count and the
 * `evaluate-flags` job are written in one transaction; the job decides on hiding.
 */
@Injectable()
export class FlagService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly outbox: OutboxService,
    private readonly limiter: RateLimiter,
    private readonly moderationEvents: ModerationEventsPublisher,
  ) {}

  async flag(input: FlagCommentInput, viewer: Viewer): Promise<FlagReceiptModel> {
    const comment = await this.prisma.comment.findUnique({
      where: { id: input.commentId },
      select: { id: true, status: true, authorId: true, thread: { select: { article: { select: { state: true } } } } },
    });
    const own = comment?.authorId === viewer.id;
    // Comments a reader cannot see are "not found" to them, as in the reader view. A closed or
    // archived discussion can still be reported: what stays on the page must stay answerable.
    if (!comment || (comment.status !== 'PUBLISHED' && !own)) throw notFound('Comment', 'commentId');
    assertReadable(comment.thread.article, viewer, 'Comment', 'commentId');
    if (own) throw forbidden('You cannot flag your own comment');
    await this.limiter.consume(
      'flag',
      viewer.id,
      FLAGS_PER_WINDOW,
      FLAG_WINDOW_SECONDS,
      'You are flagging too many comments; a moderator will look at them first',
    );
    const note = input.note?.trim() || null;
    let outboxId = '';
    try {
      const { flag, before, after, articleId } = await this.prisma.$transaction(async (tx) => {
        const flag = await tx.flag.create({
          data: {
            commentId: comment.id,
            reporterId: viewer.id,
            reason: input.reason,
            note,
            openKey: `${comment.id}:${viewer.id}`,
          },
        });
        const after = await tx.comment
          .update({
            where: { id: comment.id, status: 'PUBLISHED' },
            data: { openFlagCount: { increment: 1 } },
            select: {
              status: true,
              statusReason: true,
              openFlagCount: true,
              reviewedAt: true,
              thread: { select: { articleId: true } },
            },
          })
          .catch((error: unknown) => {
            if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') {
              throw new NotFlaggable();
            }
            throw error;
          });
        outboxId = await this.outbox.record(tx, 'evaluate-flags', { commentId: comment.id });
        const before = { ...after, openFlagCount: after.openFlagCount - 1 };
        return { flag, before, after, articleId: after.thread.articleId };
      });
      await this.outbox.dispatch([outboxId]);
      const { entered, left } = queueChanges(before, after);
      await this.moderationEvents.publish([
        {
          commentId: comment.id,
          articleId,
          status: after.status,
          previousStatus: before.status,
          entered,
          left,
          action: 'FLAG',
          actorId: viewer.id,
        },
      ]);
      return { id: flag.id, commentId: flag.commentId, reason: flag.reason, createdAt: flag.createdAt };
    } catch (error) {
      if (error instanceof NotFlaggable) throw notFound('Comment', 'commentId');
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new DomainError('CONFLICT', 'You have already flagged this comment', 'commentId');
      }
      throw error;
    }
  }
}
