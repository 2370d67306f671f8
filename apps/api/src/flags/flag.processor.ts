import { Injectable } from '@nestjs/common';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { HandlesJob } from '../infra/queue/job-handler.js';
import type { JobPayloads } from '../infra/queue/jobs.js';
import { CommentDecisions } from '../moderation/decisions/comment-decisions.service.js';
import { ModerationSettingsService } from '../moderation/moderation-settings.service.js';
import { FLAGGED } from '../moderation/queues/queue-membership.js';
import { STANDING_FLAGS, standingParams } from './standing-flags.js';

/**
 * Re-evaluates a comment's flags: once `flagThreshold` distinct readers with standing
 * (flags/standing-flags.ts) have an open flag on a published comment, it is hidden (HELD,
 * reason FLAGGED) until a moderator decides. Idempotent: a hidden comment is not published,
 * so a repeated job changes nothing.
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
    const settings = await this.settings.get();
    const { flagThreshold } = settings;
    // One open flag per reader, so open flags are distinct flaggers.
    const [row] = await this.prisma.run(STANDING_FLAGS, [commentId, ...standingParams(settings)]);
    const flaggers = row?.standing ?? 0;
    if (flaggers < flagThreshold) return;
    await this.decisions.decide(commentId, {
      to: 'HELD',
      statusReason: FLAGGED,
      action: 'FLAGS_THRESHOLD',
      actorId: null,
      note: `${flaggers} readers with standing flagged it (threshold ${flagThreshold})`,
      reviewed: 'keep',
      resolveFlags: false,
      notifyAuthor: false,
      from: ['PUBLISHED'],
    });
  }
}
