import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client.js';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import type { ModerationLogEntryModel } from '../queues/queue.models.js';
import type { ModerationLogArgs } from './moderation-log.args.js';

/** Reads the audit trail: every decision on a comment, about a user, or on an article, newest first. */
@Injectable()
export class ModerationLog {
  constructor(private readonly prisma: PrismaService) {}

  async read(args: ModerationLogArgs): Promise<ModerationLogEntryModel[]> {
    const where: Prisma.ModerationActionWhereInput = args.commentId
      ? { commentId: args.commentId }
      : args.userId
        ? { targetUserId: args.userId }
        : { articleId: args.articleId ?? undefined };
    const rows = await this.prisma.moderationAction.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: args.first,
      include: { actor: { select: { handle: true } } },
    });
    return rows.map(({ actor, ...row }) => ({ ...row, actorHandle: actor?.handle ?? null }));
  }
}
