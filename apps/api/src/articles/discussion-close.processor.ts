import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '../infra/periodic-task.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { HandlesJob } from '../infra/queue/job-handler.js';
import type { JobPayloads } from '../infra/queue/jobs.js';
import type { AuditAction } from '../moderation/audit/audit-action.js';
import { EventBus } from '../realtime/event-bus.js';
import { announceDiscussionChanged } from './article-admin.service.js';

/** How often the worker closes discussions whose time has come (the safety net of the delayed job). */
export const DISCUSSION_CLOSE_SWEEP_MS = 5000;

/**
 * Closes a discussion at its closing time: the switch goes off and the time is cleared, with an
 * audit row. The delayed `close-discussion` job closes it on time; a sweep every few seconds
 * closes any whose job was never scheduled or was lost with Redis's data. Writes are refused
 * from the closing time on whether or not either has run yet (article-access.ts).
 */
@Injectable()
export class DiscussionCloseProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DiscussionCloseProcessor.name);
  private readonly sweep = new PeriodicTask(
    DISCUSSION_CLOSE_SWEEP_MS,
    () => this.closeDue(),
    this.logger,
    'could not close due discussions',
  );

  constructor(
    private readonly prisma: PrismaService,
    private readonly events: EventBus,
  ) {}

  @HandlesJob('close-discussion')
  async close({ articleId, at }: JobPayloads['close-discussion']): Promise<void> {
    const when = new Date(at);
    if (when.getTime() > Date.now()) throw new Error('close-discussion ran early; retrying later');
    const closed = await this.prisma.$transaction(async (tx) => {
      const closed = await tx.article.updateMany({
        where: { id: articleId, commentsClosesAt: when },
        data: { commentsOpen: false, commentsClosesAt: null },
      });
      if (closed.count === 0) return false;
      await tx.moderationAction.create({
        data: {
          actorId: null,
          articleId,
          action: 'DISCUSSION_CLOSED' satisfies AuditAction,
          reason: `closed at ${when.toISOString()}`,
        },
      });
      return true;
    });
    if (closed) await announceDiscussionChanged(this.events, articleId);
  }

  /** Every discussion whose closing time has passed, each closed and audited once; returns how many. */
  async closeDue(now = new Date()): Promise<number> {
    const rows = await this.prisma.$queryRaw<Array<{ id: string }>>`
      WITH closed AS (
        UPDATE "Article" SET "commentsOpen" = false, "commentsClosesAt" = NULL, "updatedAt" = ${now}
        WHERE "commentsClosesAt" <= ${now}
        RETURNING id
      ), audit AS (
        INSERT INTO "ModerationAction" (id, "articleId", "actorId", action, reason, "createdAt")
        SELECT gen_random_uuid(), id, NULL, 'DISCUSSION_CLOSED', 'closed (its time came)', ${now} FROM closed
      )
      SELECT id::text AS id FROM closed`;
    for (const { id } of rows) await announceDiscussionChanged(this.events, id);
    return rows.length;
  }

  onApplicationBootstrap(): void {
    this.sweep.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.sweep.stop();
  }
}
