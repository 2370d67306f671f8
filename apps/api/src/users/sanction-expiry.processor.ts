import { Injectable } from '@nestjs/common';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { HandlesJob } from '../infra/queue/job-handler.js';
import type { JobPayloads } from '../infra/queue/jobs.js';

/** Lifts a timed suspension or ban when it runs out, unless it was changed in the meantime. */
@Injectable()
export class SanctionExpiryProcessor {
  constructor(private readonly prisma: PrismaService) {}

  @HandlesJob('end-sanction')
  async end({ userId, until }: JobPayloads['end-sanction']): Promise<void> {
    const end = new Date(until);
    if (end.getTime() > Date.now()) throw new Error('end-sanction ran early; retrying later');
    await this.prisma.$transaction(async (tx) => {
      const lifted = await tx.user.updateMany({
        where: { id: userId, status: { not: 'ACTIVE' }, statusUntil: end },
        data: { status: 'ACTIVE', statusUntil: null, statusReason: null },
      });
      if (lifted.count === 0) return;
      await tx.moderationAction.create({
        data: { actorId: null, targetUserId: userId, action: 'SANCTION_ENDED', reason: `ended ${until}` },
      });
    });
  }
}
