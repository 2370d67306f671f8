import { Inject, Injectable } from '@nestjs/common';
import { notFound } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { OutboxService } from '../infra/outbox/outbox.service.js';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import { RateLimiter } from '../infra/redis/rate-limiter.js';
import { IMPORT_SOURCES, type ImportArticleInput } from './dto/import-article.input.js';
import { toImportJobModel } from './import-job.view.js';
import type { ImportJobModel } from './models/import-job.model.js';
import { isUUID } from 'class-validator';

/**
 * Accepts imports from admins: the ImportJob row and its `import-article` job are written
 * in one transaction (through the outbox), so an accepted import is never lost.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly outbox: OutboxService,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(input: ImportArticleInput, requestedById: string): Promise<ImportJobModel> {
    const limit = this.config.IMPORT_RATE_LIMIT;
    await this.limiter.consume(
      'import',
      requestedById,
      limit,
      60,
      `At most ${limit} imports a minute; for bulk imports use \`pnpm marginalia import <dir>\``,
    );
    // The input's validation guarantees exactly one (ImportArticleInput.source).
    const source = IMPORT_SOURCES.find((key) => input[key] !== undefined && input[key] !== null)!;
    // PostgreSQL cannot store NUL, even in the job's input: fail the import at once instead.
    if (String(input[source]).includes('\u0000')) return this.refuseBinary(source, requestedById);
    const { row, outboxId } = await this.prisma.$transaction(async (tx) => {
      const created = await tx.importJob.create({
        data: {
          requestedById,
          source: source === 'url' ? (input.url as string) : source,
          format: input.format ?? null,
          input: { ...input },
        },
      });
      return { row: created, outboxId: await this.outbox.record(tx, 'import-article', { importJobId: created.id }) };
    });
    await this.outbox.dispatch([outboxId]);
    return toImportJobModel({ ...row, article: null });
  }

  private async refuseBinary(source: string, requestedById: string): Promise<ImportJobModel> {
    const row = await this.prisma.importJob.create({
      data: {
        requestedById,
        source,
        status: 'FAILED',
        error: 'BINARY: The input contains NUL characters: it is binary data, not text.',
        input: { [source]: null },
      },
    });
    return toImportJobModel({ ...row, article: null });
  }

  async get(id: string): Promise<ImportJobModel> {
    if (!isUUID(id)) throw notFound('Import job', 'id');
    const row = await this.prisma.importJob.findUnique({
      where: { id },
      include: { article: { select: { slug: true } } },
    });
    if (!row) throw notFound('Import job', 'id');
    return toImportJobModel(row);
  }

  async list(take = 50): Promise<ImportJobModel[]> {
    const rows = await this.prisma.importJob.findMany({
      orderBy: { createdAt: 'desc' },
      take: Math.min(take, 200),
      include: { article: { select: { slug: true } } },
    });
    return rows.map(toImportJobModel);
  }
}
