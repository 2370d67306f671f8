import { Injectable, Logger } from '@nestjs/common';
import { ContentError } from '@marginalia/content';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { HandlesJob, PermanentJobError } from '../infra/queue/job-handler.js';
import type { JobPayloads } from '../infra/queue/jobs.js';
import type { ImportInput } from './import-runner.js';
import { ImportRunner } from './import-runner.js';

/** Worker side of imports: runs the job and records its outcome on the ImportJob row. */
@Injectable()
export class ImportProcessor {
  private readonly logger = new Logger(ImportProcessor.name);

  constructor(
    private readonly runner: ImportRunner,
    private readonly prisma: PrismaService,
  ) {}

  @HandlesJob('import-article')
  async importArticle({ importJobId }: JobPayloads['import-article']): Promise<void> {
    const row = await this.prisma.importJob.findUnique({ where: { id: importJobId } });
    if (!row) throw new PermanentJobError(`Import job ${importJobId} does not exist`);
    if (row.status === 'SUCCEEDED') return; // a duplicate delivery: the work is done
    await this.prisma.importJob.update({ where: { id: row.id }, data: { status: 'RUNNING', error: null } });
    try {
      const summary = await this.runner.run(row.input as ImportInput, this.runner.progressFor(row.id));
      await this.prisma.importJob.update({
        where: { id: row.id },
        data: {
          status: 'SUCCEEDED',
          progress: 100,
          step: 'done',
          articleId: summary.articleId,
          warnings: summary.warnings,
          result: this.runner.jsonOf(summary),
        },
      });
    } catch (error: unknown) {
      if (error instanceof ContentError) {
        await this.prisma.importJob.update({
          where: { id: row.id },
          data: { status: 'FAILED', error: `${error.code}: ${error.message}` },
        });
        return;
      }
      this.logger.error({ err: error, importJobId }, 'import failed');
      await this.prisma.importJob.update({
        where: { id: row.id },
        data: { status: 'FAILED', error: 'The import failed unexpectedly; it will be retried' },
      });
      throw error;
    }
  }
}
