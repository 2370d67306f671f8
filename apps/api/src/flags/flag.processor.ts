import { Injectable } from '@nestjs/common';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { HandlesJob } from '../infra/queue/job-handler.js';
import type { JobPayloads } from '../infra/queue/jobs.js';
import { CommentDecisions } from '../moderation/decisions/comment-decisions.service.js';
import { ModerationSettingsService } from '../moderation/moderation-settings.service.js';
import { FLAGGED } from '../moderation/queues/queue-membership.js';

/**
 * Re-evaluates a comment's flags: once `flagThreshold` distinct readers have an open flag
 * on a published comment, it is hidden (HELD, reason FLAGGED) until a moderator decides.
 * Idempotent: a hidden comment is not published, so a repeated job changes nothing.
 */
@Injectable()
export class FlagProcessor {
  constructor(
    private readonly prisma: PrismaService,
    private readonly settings: ModerationSettingsService,
    private readonly decisions: CommentDecisions,
  ) {}

  @HandlesJob('evaluate-flags')
  async evaluate({ commentId }: JobPayloads['evaluate-flags']): Promise<void> {
    const [{ flagThreshold }, flaggers] = await Promise.all([
      this.settings.get(),
      // One open flag per reader, so open flags are distinct flaggers.
      this.prisma.flag.count({ where: { commentId, resolved: false } }),
    ]);
    if (flaggers < flagThreshold) return;
    await this.decisions.decide(commentId, {
      to: 'HELD',
      statusReason: FLAGGED,
      action: 'FLAGS_THRESHOLD',
      actorId: null,
      note: `${flaggers} readers flagged it (threshold ${flagThreshold})`,
      reviewed: 'keep',
      resolveFlags: false,
      notifyAuthor: false,
      from: ['PUBLISHED'],
    });
  }
}
