import { Injectable } from '@nestjs/common';
import { isStaff, type Viewer } from '../auth/viewer.js';
import type { Prisma } from '../generated/prisma/client.js';
import { ARTICLE_GATE_SELECT, assertDiscussionOpen, assertReadable, gateOf } from '../articles/article-access.js';
import { DomainError, forbidden, notFound } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { RateLimiter } from '../infra/redis/rate-limiter.js';
import { EventBus, type DiscussionEvent } from '../realtime/event-bus.js';
import { cleanBody, renderBody } from './comment-body.js';
import { isVisible } from './comment-view.js';
import { DiscussionSettingsService } from './discussion-settings.js';
import type { DeleteCommentInput, EditCommentInput } from './dto/edit-comment.input.js';
import type { CommentModel } from './models/comment.model.js';
import { CommentModerationQueue } from './moderation-queue.js';
import { ThreadReader } from './thread.reader.js';
import { ModerationEventsPublisher } from '../moderation/events/moderation-events.publisher.js';
import { HUMAN_REASONS } from '../moderation/decisions/reasons.js';
import { FLAGGED } from '../moderation/queues/queue-membership.js';
import type { AuditAction } from '../moderation/audit/audit-action.js';

/** Edits a user may make per minute. */
export const EDITS_PER_MINUTE = 10;

const TARGET = {
  id: true,
  threadId: true,
  parentId: true,
  authorId: true,
  status: true,
  statusReason: true,
  replyCount: true,
  bodySource: true,
  bodyHtml: true,
  stance: true,
  createdAt: true,
  thread: { select: { articleId: true, article: { select: ARTICLE_GATE_SELECT } } },
} as const;

/** Editing (author only, within the window, back through moderation) and deleting comments. */
@Injectable()
export class CommentEditService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly moderation: CommentModerationQueue,
    private readonly settings: DiscussionSettingsService,
    private readonly limiter: RateLimiter,
    private readonly reader: ThreadReader,
    private readonly events: EventBus,
    private readonly moderationEvents: ModerationEventsPublisher,
  ) {}

  async edit(input: EditCommentInput, viewer: Viewer): Promise<CommentModel> {
    const body = cleanBody(input.body);
    await this.limiter.consume(
      'comment-edit',
      viewer.id,
      EDITS_PER_MINUTE,
      60,
      'You are editing too fast; wait a minute',
    );
    const comment = await this.prisma.comment.findUnique({ where: { id: input.commentId }, select: TARGET });
    if (!comment || !isVisible(comment, viewer)) throw notFound('Comment', 'commentId');
    assertDiscussionOpen(gateOf(comment.thread.article), viewer, 'Comment', 'commentId');
    if (comment.authorId !== viewer.id) throw forbidden('Only its author can edit a comment');
    if (comment.status === 'DELETED' || comment.status === 'REJECTED') {
      throw new DomainError('CONFLICT', 'This comment can no longer be edited', 'commentId');
    }
    const { editWindowMinutes } = await this.settings.get();
    if (Date.now() - comment.createdAt.getTime() > editWindowMinutes * 60_000) {
      throw forbidden(`Comments can only be edited within ${editWindowMinutes} minutes of posting`);
    }
    // A stance is the author's framing, not text to moderate: it changes in place, whatever the body does.
    if (input.stance !== undefined && input.stance !== comment.stance) {
      const changed = await this.prisma.comment.updateMany({
        where: { id: comment.id, status: comment.status, stance: comment.stance },
        data: { stance: input.stance },
      });
      if (changed.count === 0) throw new DomainError('CONFLICT', 'The comment changed meanwhile; reload and retry');
      if (body === comment.bodySource) await this.announce('COMMENT_EDITED', comment, comment.status);
    }
    if (body !== comment.bodySource && isHeldByPeople(comment)) {
      await this.editWhileHeld(comment, body, viewer);
    } else if (body !== comment.bodySource) {
      const html = await renderBody(this.prisma, body);
      const outboxId = await this.prisma.$transaction(async (tx) => {
        // Only from the state we checked: a moderation decision in between wins, and the edit is refused.
        const changed = await tx.comment.updateMany({
          where: { id: comment.id, status: comment.status, bodySource: comment.bodySource },
          data: { bodySource: body, bodyHtml: html, editedAt: new Date(), status: 'PENDING', statusReason: null },
        });
        if (changed.count === 0) throw new DomainError('CONFLICT', 'The comment changed meanwhile; reload and retry');
        await tx.commentRevision.create({
          data: { commentId: comment.id, bodySource: comment.bodySource, bodyHtml: comment.bodyHtml },
        });
        // The moderation job counts it again if it publishes the new text.
        if (comment.status === 'PUBLISHED') await unpublish(tx, comment);
        return this.moderation.record(tx, comment.id);
      });
      // The answer is the comment as edited (PENDING), read before the job can decide it.
      const view = await this.reader.comment(comment.id, viewer);
      // Announced before the job is queued, so the edit always precedes its moderation outcome.
      await this.announce('COMMENT_EDITED', comment, 'PENDING');
      await this.moderation.dispatch([outboxId]);
      if (!view) throw notFound('Comment', 'commentId');
      return view;
    }
    const view = await this.reader.comment(comment.id, viewer);
    if (!view) throw notFound('Comment', 'commentId');
    return view;
  }

  /**
   * A comment a moderator or the readers' flags hid stays hidden through an edit: the new text
   * is stored (the old one as a revision moderators see), an audit row says who changed it, and
   * moderators hear of it; no pipeline run, which could only decide without the person.
   */
  private async editWhileHeld(comment: Target, body: string, viewer: Viewer): Promise<void> {
    const html = await renderBody(this.prisma, body);
    await this.prisma.$transaction(async (tx) => {
      const changed = await tx.comment.updateMany({
        where: { id: comment.id, status: 'HELD', statusReason: comment.statusReason, bodySource: comment.bodySource },
        data: { bodySource: body, bodyHtml: html, editedAt: new Date() },
      });
      if (changed.count === 0) throw new DomainError('CONFLICT', 'The comment changed meanwhile; reload and retry');
      await tx.commentRevision.create({
        data: { commentId: comment.id, bodySource: comment.bodySource, bodyHtml: comment.bodyHtml },
      });
      await tx.moderationAction.create({
        data: {
          commentId: comment.id,
          articleId: comment.thread.articleId,
          actorId: viewer.id,
          targetUserId: viewer.id,
          action: 'EDIT_WHILE_HELD' satisfies AuditAction,
          reason: 'Edited by its author while held; the hold stands',
          fromStatus: 'HELD',
          toStatus: 'HELD',
        },
      });
    });
    await this.announce('COMMENT_EDITED', comment, 'HELD');
    await this.moderationEvents.publish([
      {
        commentId: comment.id,
        articleId: comment.thread.articleId,
        status: 'HELD',
        previousStatus: 'HELD',
        entered: [],
        left: [],
        action: 'EDIT_WHILE_HELD',
        actorId: viewer.id,
      },
    ]);
  }

  /**
   * The author or a moderator deletes a comment. With replies it stays as a placeholder;
   * without, it disappears, and so may deleted ancestors it was the last reply of.
   * Returns the placeholder, or null when nothing is left to show.
   */
  async delete(input: DeleteCommentInput, viewer: Viewer): Promise<CommentModel | null> {
    const comment = await this.prisma.comment.findUnique({ where: { id: input.commentId }, select: TARGET });
    const staff = isStaff(viewer);
    if (!comment || comment.status === 'DELETED' || (!staff && !isVisible(comment, viewer))) {
      throw notFound('Comment', 'commentId');
    }
    // Deleting stays possible in a closed discussion (an author may take their words back).
    assertReadable(comment.thread.article, viewer, 'Comment', 'commentId');
    const own = comment.authorId === viewer.id;
    if (!own && !staff) throw forbidden('Only its author or a moderator can delete a comment');
    await this.prisma.$transaction(async (tx) => {
      const changed = await tx.comment.updateMany({
        where: { id: comment.id, status: comment.status },
        data: {
          status: 'DELETED',
          statusReason: own ? 'DELETED_BY_AUTHOR' : 'DELETED_BY_MODERATOR',
          // A rejection stays on the author's record (the pipeline's history phase reads it).
          statusBeforeDelete: comment.status,
        },
      });
      if (changed.count === 0) throw new DomainError('CONFLICT', 'The comment changed meanwhile; reload and retry');
      if (comment.status === 'PUBLISHED') await unpublish(tx, comment);
      if (!own) {
        await tx.moderationAction.create({
          data: {
            commentId: comment.id,
            articleId: comment.thread.articleId,
            actorId: viewer.id,
            targetUserId: comment.authorId,
            action: 'DELETE' satisfies AuditAction,
            reason: input.reason?.trim() || null,
            fromStatus: comment.status,
            toStatus: 'DELETED',
          },
        });
      }
      if (comment.replyCount === 0) await releaseAncestors(tx, comment.parentId);
    });
    // Subscribers are filtered by status: a comment only its author could see is announced
    // with the status it had, so the deletion reaches only them.
    const wasPublic = comment.status === 'PUBLISHED';
    await this.announce('COMMENT_DELETED', comment, wasPublic ? 'DELETED' : comment.status);
    return this.reader.comment(comment.id, viewer);
  }

  private async announce(
    type: DiscussionEvent['type'],
    comment: { id: string; threadId: string; authorId: string | null; thread: { articleId: string } },
    status: DiscussionEvent['status'],
  ): Promise<void> {
    await this.events
      .discussion({
        type,
        articleId: comment.thread.articleId,
        threadId: comment.threadId,
        commentId: comment.id,
        authorId: comment.authorId,
        status,
      })
      .catch(() => undefined);
  }
}

type Target = Prisma.CommentGetPayload<{ select: typeof TARGET }>;

/** Held by a moderator or hidden by flags: decisions an edit must not undo. */
function isHeldByPeople(comment: { status: string; statusReason: string | null }): boolean {
  return comment.status === 'HELD' && (comment.statusReason === HUMAN_REASONS.HOLD || comment.statusReason === FLAGGED);
}

/** A published comment stops counting towards its thread and author. */
async function unpublish(
  tx: Prisma.TransactionClient,
  comment: { threadId: string; authorId: string | null },
): Promise<void> {
  await tx.thread.update({ where: { id: comment.threadId }, data: { commentCount: { decrement: 1 } } });
  if (comment.authorId) {
    await tx.user.update({ where: { id: comment.authorId }, data: { commentCount: { decrement: 1 } } });
  }
}

/**
 * A comment that vanished no longer counts as a reply; a deleted parent left with no
 * replies vanishes too, and so on up the chain.
 */
async function releaseAncestors(tx: Prisma.TransactionClient, parentId: string | null): Promise<void> {
  let next = parentId;
  while (next) {
    const parent = await tx.comment.update({
      where: { id: next },
      data: { replyCount: { decrement: 1 } },
      select: { status: true, replyCount: true, parentId: true },
    });
    next = parent.status === 'DELETED' && parent.replyCount <= 0 ? parent.parentId : null;
  }
}
