import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import { ARTICLE_GATE_SELECT, assertDiscussionOpen, gateOf } from '../articles/article-access.js';
import { badInput, notFound } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { RateLimiter } from '../infra/redis/rate-limiter.js';
import { EventBus } from '../realtime/event-bus.js';
import { isVisible } from './comment-view.js';
import type { ReactInput, UnreactInput } from './dto/react.input.js';
import type { CommentModel } from './models/comment.model.js';
import { ThreadReader } from './thread.reader.js';

/** Reactions and un-reactions a user may make per minute, together. */
export const REACTIONS_PER_MINUTE = 60;

/**
 * Reactions on published comments. Both directions are idempotent: reacting twice or
 * removing a reaction that is not there changes nothing, publishes nothing, and keeps
 * Comment.reactionCount equal to the number of Reaction rows.
 */
@Injectable()
export class ReactionService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly limiter: RateLimiter,
    private readonly reader: ThreadReader,
    private readonly events: EventBus,
  ) {}

  async react(input: ReactInput, viewer: Viewer): Promise<CommentModel> {
    const comment = await this.target(input.commentId, viewer);
    const added = await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.reaction.createMany({
        data: [{ commentId: comment.id, userId: viewer.id, kind: input.kind }],
        skipDuplicates: true,
      });
      if (count > 0)
        await tx.comment.update({ where: { id: comment.id }, data: { reactionCount: { increment: count } } });
      return count > 0;
    });
    return this.after(comment, added, viewer);
  }

  async unreact(input: UnreactInput, viewer: Viewer): Promise<CommentModel> {
    const comment = await this.target(input.commentId, viewer);
    const removed = await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.reaction.deleteMany({
        where: { commentId: comment.id, userId: viewer.id, kind: input.kind },
      });
      if (count > 0)
        await tx.comment.update({ where: { id: comment.id }, data: { reactionCount: { decrement: count } } });
      return count > 0;
    });
    return this.after(comment, removed, viewer);
  }

  private async target(
    commentId: string,
    viewer: Viewer,
  ): Promise<{ id: string; threadId: string; authorId: string | null; thread: { articleId: string } }> {
    await this.limiter.consume(
      'reaction',
      viewer.id,
      REACTIONS_PER_MINUTE,
      60,
      'You are reacting too fast; wait a minute',
    );
    const comment = await this.prisma.comment.findUnique({
      where: { id: commentId },
      select: {
        id: true,
        threadId: true,
        authorId: true,
        status: true,
        replyCount: true,
        thread: { select: { articleId: true, article: { select: ARTICLE_GATE_SELECT } } },
      },
    });
    if (!comment || !isVisible(comment, viewer)) throw notFound('Comment', 'commentId');
    assertDiscussionOpen(gateOf(comment.thread.article), viewer, 'Comment', 'commentId');
    if (comment.status !== 'PUBLISHED') throw badInput('commentId', 'Only published comments take reactions');
    return comment;
  }

  private async after(
    comment: { id: string; threadId: string; authorId: string | null; thread: { articleId: string } },
    changed: boolean,
    viewer: Viewer,
  ): Promise<CommentModel> {
    if (changed) {
      await this.events
        .discussion({
          type: 'REACTIONS_CHANGED',
          articleId: comment.thread.articleId,
          threadId: comment.threadId,
          commentId: comment.id,
          authorId: comment.authorId,
          status: 'PUBLISHED',
        })
        .catch(() => undefined);
    }
    const view = await this.reader.comment(comment.id, viewer);
    if (!view) throw notFound('Comment', 'commentId');
    return view;
  }
}
