import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { HandlesJob, PermanentJobError } from '../infra/queue/job-handler.js';
import type { JobPayloads } from '../infra/queue/jobs.js';
import { describeFailure, importFailureOf } from './import-failure.js';
import { ImportJobReporter } from './import-job.reporter.js';
import { ImportRunner, type ImportInput } from './import-runner.js';

/**
 * Worker side of imports: runs the job and records its outcome on the ImportJob row.
 * Bad input fails at once (never retried); anything else is retried by BullMQ and the
 * row shows FAILED only when the last attempt fails.
 */
@Injectable()
export class ImportProcessor {
  private readonly logger = new Logger(ImportProcessor.name);

  constructor(
    private readonly runner: ImportRunner,
    private readonly reporter: ImportJobReporter,
    private readonly prisma: PrismaService,
  ) {}

  @HandlesJob('import-article')
  async importArticle({ importJobId }: JobPayloads['import-article'], job?: Job): Promise<void> {
    const row = await this.prisma.importJob.findUnique({ where: { id: importJobId } });
    if (!row) throw new PermanentJobError(`Import job ${importJobId} does not exist`);
    // A duplicate delivery of a finished job: its outcome is recorded already.
    if (row.status === 'SUCCEEDED' || row.status === 'FAILED') return;
    await this.reporter.running(row.id);
    try {
      const summary = await this.runner.run(row.input as ImportInput, (progress, step) =>
        this.reporter.progress(row.id, progress, step),
      );
      await this.reporter.succeeded(row.id, summary);
    } catch (error: unknown) {
      const failure = importFailureOf(error);
      if (failure && !failure.retryable) {
        await this.reporter.failed(row.id, describeFailure(failure));
        throw new PermanentJobError(describeFailure(failure));
      }
      if (!failure) this.logger.error({ err: error, importJobId }, 'import failed');
      const reason = failure ? describeFailure(failure) : 'The import failed unexpectedly (the error is logged)';
      const attempt = (job?.attemptsMade ?? 0) + 1;
      const attempts = job?.opts.attempts ?? 1;
      if (attempt >= attempts) await this.reporter.failed(row.id, `${reason}; gave up after ${attempt} attempt(s)`);
      else await this.reporter.retrying(row.id, `${reason}; retrying (attempt ${attempt} of ${attempts} failed)`);
      throw error;
    }
  }
}
