import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { EventBus } from '../realtime/event-bus.js';
import type { ImportStep, ImportSummary } from './import-runner.js';
import { importTopic, toImportJobModel } from './import-job.view.js';
import type { HistoryStep } from './history/history-progress.js';
import type { HistorySummary } from './history/history-summary.js';

/**
 * Worker side: records an import's status and progress on its ImportJob row (what
 * `importJob(id)` reads) and publishes each change on `import:<id>` for subscribers.
 */
@Injectable()
export class ImportJobReporter {
  constructor(
    private readonly prisma: PrismaService,
    private readonly events: EventBus,
  ) {}

  running(id: string): Promise<void> {
    return this.update(id, { status: 'RUNNING' });
  }

  progress(id: string, progress: number, step: ImportStep | HistoryStep): Promise<void> {
    return this.update(id, { progress, step });
  }

  succeeded(id: string, summary: ImportSummary): Promise<void> {
    return this.update(id, {
      status: 'SUCCEEDED',
      progress: 100,
      step: 'done',
      error: null,
      articleId: summary.articleId,
      warnings: summary.warnings,
      result: summary as unknown as Prisma.InputJsonValue,
    });
  }

  succeededHistory(id: string, summary: HistorySummary): Promise<void> {
    return this.update(id, {
      status: 'SUCCEEDED',
      progress: 100,
      step: 'done',
      error: null,
      warnings: summary.warnings,
      result: summary as unknown as Prisma.InputJsonValue,
    });
  }

  /** A transient failure: the job stays RUNNING with the reason while BullMQ retries it. */
  retrying(id: string, error: string): Promise<void> {
    return this.update(id, { status: 'RUNNING', error });
  }

  failed(id: string, error: string): Promise<void> {
    return this.update(id, { status: 'FAILED', error });
  }

  private async update(id: string, data: Prisma.ImportJobUncheckedUpdateInput): Promise<void> {
    const row = await this.prisma.importJob.update({
      where: { id },
      data,
      include: { article: { select: { slug: true } } },
    });
    await this.events.publish(importTopic(id), toImportJobModel(row));
  }
}
