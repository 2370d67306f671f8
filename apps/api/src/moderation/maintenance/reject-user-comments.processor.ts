import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { HandlesJob } from '../../infra/queue/job-handler.js';
import type { JobPayloads } from '../../infra/queue/jobs.js';
import { CommentDecisions, type Applied, type Decision } from '../decisions/comment-decisions.service.js';
import { AUTHOR_BANNED } from '../decisions/reasons.js';

/** Comments rejected per transaction: bounded lock time, progress kept if the job is retried. */
const BATCH = 100;

/**
 * After a ban: rejects every pending, held and published comment of the user, in batches,
 * with an audit row each. Safe to retry or run twice: rejected comments are not picked
 * again, and a user unbanned meanwhile keeps their remaining comments.
 */
@Injectable()
export class RejectUserCommentsProcessor {
  constructor(
    private readonly prisma: PrismaService,
    private readonly decisions: CommentDecisions,
  ) {}

  @HandlesJob('reject-user-comments')
  async reject({ userId, actorId, reason }: JobPayloads['reject-user-comments']): Promise<void> {
    const decision: Decision = {
      to: 'REJECTED',
      statusReason: AUTHOR_BANNED,
      action: 'BAN',
      actorId,
      note: reason,
      reviewed: 'set',
      resolveFlags: true,
      notifyAuthor: false,
      from: ['PENDING', 'HELD', 'PUBLISHED'],
    };
    for (;;) {
      const user = await this.prisma.user.findUnique({ where: { id: userId }, select: { status: true } });
      if (user?.status !== 'BANNED') return;
      const batch = await this.prisma.comment.findMany({
        where: { authorId: userId, status: { in: ['PENDING', 'HELD', 'PUBLISHED'] } },
        orderBy: { id: 'asc' },
        take: BATCH,
        select: { id: true },
      });
      if (batch.length === 0) return;
      const outcomes = await this.prisma.$transaction((tx) =>
        this.decisions.decideInTx(
          tx,
          batch.map((c) => c.id),
          decision,
        ),
      );
      const applied = outcomes.flatMap((o): Applied[] => ('applied' in o ? [o.applied] : []));
      await this.decisions.announce(applied);
    }
  }
}
