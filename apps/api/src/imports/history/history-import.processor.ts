import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { rm } from 'node:fs/promises';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { HandlesJob, PermanentJobError } from '../../infra/queue/job-handler.js';
import type { JobPayloads } from '../../infra/queue/jobs.js';
import { describeFailure, importFailureOf } from '../import-failure.js';
import { ImportJobReporter } from '../import-job.reporter.js';
import { HistoryImportRunner } from './history-import.runner.js';
import type { HistoryJobInput } from './history-upload.service.js';

/**
 * Worker side of uploaded site histories: imports the file, reports progress per article
 * and per 1,000 comments on the ImportJob row, and deletes the file once the import
 * succeeded or failed for good. A retry resumes where the failed attempt stopped.
 */
@Injectable()
export class HistoryImportProcessor {
  private readonly logger = new Logger(HistoryImportProcessor.name);

  constructor(
    private readonly runner: HistoryImportRunner,
    private readonly reporter: ImportJobReporter,
    private readonly prisma: PrismaService,
  ) {}

  @HandlesJob('import-history')
  async importHistory({ importJobId }: JobPayloads['import-history'], job?: Job): Promise<void> {
    const row = await this.prisma.importJob.findUnique({ where: { id: importJobId } });
    if (!row) throw new PermanentJobError(`Import job ${importJobId} does not exist`);
    if (row.status === 'SUCCEEDED' || row.status === 'FAILED') return;
    const { historyFile } = row.input as unknown as HistoryJobInput;
    await this.reporter.running(row.id);
    try {
      const summary = await this.runner.run(historyFile, (progress, step) =>
        this.reporter.progress(row.id, progress, step),
      );
      await this.reporter.succeededHistory(row.id, summary);
      await rm(historyFile, { force: true });
    } catch (error: unknown) {
      const failure = importFailureOf(error);
      const attempt = (job?.attemptsMade ?? 0) + 1;
      const attempts = job?.opts.attempts ?? 1;
      if ((failure && !failure.retryable) || attempt >= attempts) {
        const reason = failure ? describeFailure(failure) : 'The import failed unexpectedly (the error is logged)';
        if (!failure) this.logger.error({ err: error, importJobId }, 'history import failed');
        await this.reporter.failed(row.id, reason);
        await rm(historyFile, { force: true });
        if (failure) throw new PermanentJobError(reason);
        throw error;
      }
      if (!failure) this.logger.error({ err: error, importJobId }, 'history import failed');
      await this.reporter.retrying(
        row.id,
        `${failure ? describeFailure(failure) : 'Unexpected error'}; retrying (attempt ${attempt} of ${attempts} failed)`,
      );
      throw error;
    }
  }
}
