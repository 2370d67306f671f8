import { Injectable, Logger } from '@nestjs/common';
import type { StoredAnchorJson } from '../comments/thread.reader.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { HandlesJob, PermanentJobError } from '../infra/queue/job-handler.js';
import type { JobPayloads } from '../infra/queue/jobs.js';
import { EventBus } from '../realtime/event-bus.js';
import { planReanchor, type AnchoredThread, type ThreadAnchorUpdate } from './reanchor-plan.js';
import { writeThreadAnchors } from './thread-anchor.writer.js';

/** Moves every anchored thread of an article onto a new revision of its text. */
@Injectable()
export class ReanchorProcessor {
  private readonly logger = new Logger(ReanchorProcessor.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly events: EventBus,
  ) {}

  @HandlesJob('reanchor-article')
  async reanchor({ articleId, revisionId }: JobPayloads['reanchor-article']): Promise<{ moved: number }> {
    const target = await this.prisma.articleRevision.findUnique({
      where: { id: revisionId },
      select: { id: true, articleId: true, version: true, canonicalText: true },
    });
    if (!target || target.articleId !== articleId) {
      throw new PermanentJobError(`Revision ${revisionId} of article ${articleId} does not exist`);
    }
    const updates = await this.prisma.$transaction(
      async (tx) => {
        // One re-anchoring at a time per article, so two revisions stored in quick succession
        // cannot interleave; the loser then sees the winner's result.
        await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`reanchor:${articleId}`}))::text AS locked`;
        const versions = new Map(
          (await tx.articleRevision.findMany({ where: { articleId }, select: { id: true, version: true } })).map(
            (r) => [r.id, r.version],
          ),
        );
        const rows = await tx.thread.findMany({
          where: { articleId, anchorStatus: { not: null } },
          select: { id: true, anchor: true, revisionId: true },
        });
        // Threads already on this revision, or on a later one (jobs may run out of order), stay put.
        const pending: AnchoredThread[] = rows
          .filter(
            (t) => t.anchor !== null && (t.revisionId === null || (versions.get(t.revisionId) ?? 0) < target.version),
          )
          .map((t) => ({ id: t.id, revisionId: t.revisionId, anchor: t.anchor as unknown as StoredAnchorJson }));
        if (pending.length === 0) return [];
        const sourceIds = [...new Set(pending.map((t) => t.anchor.revisionId))];
        const sources = await tx.articleRevision.findMany({
          where: { id: { in: sourceIds }, articleId },
          select: { id: true, canonicalText: true },
        });
        const plan = planReanchor(pending, new Map(sources.map((s) => [s.id, s.canonicalText])), {
          id: target.id,
          text: target.canonicalText,
        });
        const written = await writeThreadAnchors(tx, plan, target.id);
        return plan.filter((u) => written.has(u.id));
      },
      { timeout: 120_000 },
    );
    this.logger.log({ articleId, revisionId, moved: updates.length, ...tally(updates) }, 'threads re-anchored');
    await this.announce(articleId, updates);
    return { moved: updates.length };
  }

  private async announce(articleId: string, updates: ThreadAnchorUpdate[]): Promise<void> {
    await Promise.all(
      updates.map((u) =>
        this.events.discussion({
          type: 'THREAD_REANCHORED',
          articleId,
          threadId: u.id,
          commentId: null,
          authorId: null,
          status: null,
        }),
      ),
    ).catch((error: unknown) => this.logger.warn({ err: error, articleId }, 'could not publish re-anchoring events'));
  }
}

function tally(updates: ThreadAnchorUpdate[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const u of updates) counts[u.outcome] = (counts[u.outcome] ?? 0) + 1;
  return counts;
}
