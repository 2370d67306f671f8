import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { HandlesJob, PermanentJobError } from '../infra/queue/job-handler.js';
import type { JobPayloads } from '../infra/queue/jobs.js';
import { CommentDecisions, type PendingOutcome } from './decisions/comment-decisions.service.js';
import { ModerationSettingsService } from './moderation-settings.service.js';
import { MicroBatcher } from '../infra/batching/micro-batcher.js';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import { loadPipelineInput, loadPipelineInputs, type PipelineInput } from './pipeline-input.js';
import { runPipeline } from './pipeline/index.js';
import type { PendingDecision } from './decisions/pipeline-decision.js';

/** statusReason of a comment the pipeline could not decide (it waits in the Pending queue). */
export const PIPELINE_FAILED = 'PIPELINE_FAILED';

/** Runs the automatic pipeline on a PENDING comment and records the decision. */
@Injectable()
export class ModerationProcessor {
  private readonly logger = new Logger(ModerationProcessor.name);
  /**
   * The jobs running at once read their inputs in one statement, and write their decisions in
   * one more (applyPipelineDecisions): one round trip, one commit and one run of the
   * queue-count trigger for the batch (docs/scaling.md, "Moderation throughput"). A read
   * holds at most the jobs the worker runs at once.
   */
  private readonly inputs: MicroBatcher<string, PipelineInput>;
  /**
   * One write at a time per worker: decisions that came in meanwhile wait for it and go in the
   * next. Two writes at once could lock the same threads' and authors' rows in opposite orders.
   * A write's events are not part of it: the next write starts while they go out.
   */
  private readonly writes: MicroBatcher<PendingDecision, PendingOutcome>;

  constructor(
    private readonly prisma: PrismaService,
    private readonly settings: ModerationSettingsService,
    private readonly decisions: CommentDecisions,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.inputs = new MicroBatcher(
      (ids) => loadPipelineInputs(this.prisma, ids, this.settings.latest()),
      config.MODERATION_CONCURRENCY,
    );
    this.writes = new MicroBatcher((batch) => this.decisions.decidePending(batch), config.MODERATION_CONCURRENCY, {
      serial: true,
    });
  }

  @HandlesJob('moderate-comment')
  async moderate(payload: JobPayloads['moderate-comment'], job?: Job): Promise<void> {
    try {
      await this.run(payload);
    } catch (error) {
      const lastAttempt =
        !job || error instanceof PermanentJobError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (lastAttempt) await this.holdForHuman(payload.commentId, error);
      throw error;
    }
  }

  /**
   * The job is about to be discarded: hold the comment for a moderator (Pending queue)
   * rather than leave it PENDING forever. If even that fails, the job's failure is logged
   * and the comment can still be found by its status.
   */
  private async holdForHuman(commentId: string, error: unknown): Promise<void> {
    this.logger.error({ err: error, commentId }, 'moderation failed for good; holding the comment for a moderator');
    await this.decisions
      .decide(commentId, {
        to: 'HELD',
        statusReason: PIPELINE_FAILED,
        action: 'PIPELINE',
        actorId: null,
        note: error instanceof Error ? error.message.slice(0, 200) : null,
        reviewed: 'clear',
        resolveFlags: false,
        notifyAuthor: false,
        from: ['PENDING'],
      })
      .catch((holdError: unknown) => this.logger.error({ err: holdError, commentId }, 'could not hold the comment'));
  }

  private async run({ commentId }: JobPayloads['moderate-comment']): Promise<void> {
    // Settings rarely change: read the comment with the last known ones, and the settings'
    // version with it; in the rare case they changed, load them and read the comment again
    // (their windows shape the read).
    const early = (await this.inputs.load(commentId.toLowerCase())) ?? null;
    let input = early;
    if (early && !this.settings.isLatest(early.settingsStamp)) {
      const settings = await this.settings.get();
      if (settings !== early.context.settings) input = await loadPipelineInput(this.prisma, commentId, settings);
    }
    // Gone, or decided already (a duplicate delivery): nothing to do, exactly once.
    if (!input || input.status !== 'PENDING') return;
    const decision = runPipeline(input.context);
    // Only a PENDING comment is decided: a duplicate delivery, or a moderator who got there
    // first, leaves it alone. The decision clears `reviewedAt`: an edited comment goes back
    // to Unmoderated.
    const outcome = await this.writes.load({
      comment: input.comment,
      verdict: {
        status: decision.status,
        reason: decision.reason,
        note: decision.detail ?? null,
        scores: { ...decision.scores, detail: decision.detail ?? null },
      },
    });
    if (!outcome) return;
    // Readers and moderators are told before the job completes (a worker shutting down waits
    // for its jobs, and so for their events).
    await outcome.announced;
    this.logger.debug({ commentId, status: decision.status, reason: decision.reason }, 'moderated');
  }
}
