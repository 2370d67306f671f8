import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '../infra/periodic-task.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { HandlesJob } from '../infra/queue/job-handler.js';
import type { JobPayloads } from '../infra/queue/jobs.js';
import type { AuditAction } from '../moderation/audit/audit-action.js';

/** How often the worker lifts sanctions whose end has passed (the safety net of the delayed job). */
export const SANCTION_SWEEP_MS = 5000;

/**
 * Lifts a timed suspension or ban when it runs out, unless it was changed in the meantime.
 * The delayed `end-sanction` job ends it on time; a sweep every few seconds ends any whose
 * job was never scheduled (Redis down when the sanction was set) or was lost with Redis's data.
 */
@Injectable()
export class SanctionExpiryProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SanctionExpiryProcessor.name);
  private readonly sweep = new PeriodicTask(
    SANCTION_SWEEP_MS,
    () => this.endDue(),
    this.logger,
    'could not lift ended sanctions',
  );

  constructor(private readonly prisma: PrismaService) {}

  @HandlesJob('end-sanction')
  async end({ userId, until }: JobPayloads['end-sanction']): Promise<void> {
    const end = new Date(until);
    if (end.getTime() > Date.now()) throw new Error('end-sanction ran early; retrying later');
    await this.lift(userId, end);
  }

  /** Every sanction whose end has passed, each lifted and audited once; returns how many. */
  async endDue(now = new Date()): Promise<number> {
    const [row] = await this.prisma.$queryRaw<Array<{ lifted: number }>>`
      WITH lifted AS (
        UPDATE "User" SET status = 'ACTIVE', "statusUntil" = NULL, "statusReason" = NULL, "updatedAt" = ${now}
        WHERE status <> 'ACTIVE' AND "statusUntil" <= ${now}
        RETURNING id
      ), audit AS (
        INSERT INTO "ModerationAction" (id, "targetUserId", "actorId", action, reason, "createdAt")
        SELECT gen_random_uuid(), id, NULL, 'SANCTION_ENDED', 'ended (its time ran out)', ${now} FROM lifted
      )
      SELECT count(*)::int AS lifted FROM lifted`;
    return row?.lifted ?? 0;
  }

  onApplicationBootstrap(): void {
    this.sweep.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.sweep.stop();
  }

  private async lift(userId: string, end: Date): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const lifted = await tx.user.updateMany({
        where: { id: userId, status: { not: 'ACTIVE' }, statusUntil: end },
        data: { status: 'ACTIVE', statusUntil: null, statusReason: null },
      });
      if (lifted.count === 0) return;
      await tx.moderationAction.create({
        data: {
          actorId: null,
          targetUserId: userId,
          action: 'SANCTION_ENDED' satisfies AuditAction,
          reason: `ended ${end.toISOString()}`,
        },
      });
    });
  }
}
