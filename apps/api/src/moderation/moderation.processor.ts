import { Injectable, Logger } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { HandlesJob } from '../infra/queue/job-handler.js';
import type { JobPayloads } from '../infra/queue/jobs.js';
import { EventBus } from '../realtime/event-bus.js';
import { ModerationSettingsService } from './moderation-settings.service.js';
import { runPipeline, type PipelineContext } from './pipeline/index.js';

const DAY = 24 * 3600 * 1000;

/** Runs the automatic pipeline on a PENDING comment and records the decision. */
@Injectable()
export class ModerationProcessor {
  private readonly logger = new Logger(ModerationProcessor.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly settings: ModerationSettingsService,
    private readonly events: EventBus,
  ) {}

  @HandlesJob('moderate-comment')
  async moderate({ commentId }: JobPayloads['moderate-comment']): Promise<void> {
    const comment = await this.prisma.comment.findUnique({
      where: { id: commentId },
      include: { author: true, thread: { include: { article: { select: { id: true, premod: true } } } } },
    });
    // Gone, or decided already (a duplicate delivery): nothing to do, exactly once.
    if (!comment || comment.status !== 'PENDING' || !comment.author) return;
    const settings = await this.settings.get();
    const author = comment.author;
    const since = new Date(Date.now() - settings.history.windowDays * DAY);
    const [recent, recentBodies] = await Promise.all([
      this.prisma.comment.groupBy({
        by: ['status'],
        where: { authorId: author.id, createdAt: { gte: since }, id: { not: comment.id } },
        _count: { _all: true },
      }),
      this.prisma.comment.findMany({
        where: {
          authorId: author.id,
          id: { not: comment.id },
          createdAt: { gte: new Date(Date.now() - settings.repeatWindowMinutes * 60_000) },
          status: { in: ['PUBLISHED', 'HELD', 'PENDING'] },
        },
        orderBy: { createdAt: 'desc' },
        take: 20,
        select: { bodySource: true },
      }),
    ]);
    const count = (status?: string): number =>
      recent.filter((r) => !status || r.status === status).reduce((n, r) => n + r._count._all, 0);
    const context: PipelineContext = {
      comment: { body: comment.bodySource, isEdit: comment.editedAt !== null },
      author: {
        id: author.id,
        status: author.status,
        premod: author.premod,
        role: author.role,
        publishedCount: author.commentCount,
        rejectedCount: author.rejectedCount,
        recentTotal: count(),
        recentRejected: count('REJECTED'),
        recentBodies: recentBodies.map((c) => c.bodySource),
      },
      article: { premod: comment.thread.article.premod },
      settings,
    };
    const decision = runPipeline(context);
    const updated = await this.prisma.$transaction(async (tx) => {
      const changed = await tx.comment.updateMany({
        where: { id: comment.id, status: 'PENDING' },
        data: {
          status: decision.status,
          statusReason: decision.reason,
          moderationScores: { ...decision.scores, detail: decision.detail ?? null } as Prisma.InputJsonValue,
        },
      });
      if (changed.count === 0) return false;
      await tx.moderationAction.create({
        data: {
          commentId: comment.id,
          articleId: comment.thread.article.id,
          targetUserId: author.id,
          actorId: null,
          action: 'PIPELINE',
          reason: decision.detail ? `${decision.reason}: ${decision.detail}` : decision.reason,
          fromStatus: 'PENDING',
          toStatus: decision.status,
        },
      });
      if (decision.status === 'PUBLISHED') {
        await tx.thread.update({ where: { id: comment.threadId }, data: { commentCount: { increment: 1 } } });
        await tx.user.update({ where: { id: author.id }, data: { commentCount: { increment: 1 } } });
      } else if (decision.status === 'REJECTED') {
        await tx.user.update({ where: { id: author.id }, data: { rejectedCount: { increment: 1 } } });
      }
      return true;
    });
    if (!updated) return;
    this.logger.debug({ commentId, status: decision.status, reason: decision.reason }, 'moderated');
    await this.events.discussion({
      type: 'COMMENT_STATUS_CHANGED',
      articleId: comment.thread.article.id,
      threadId: comment.threadId,
      commentId: comment.id,
      authorId: author.id,
      status: decision.status,
    });
  }
}
