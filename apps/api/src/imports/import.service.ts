import { Injectable } from '@nestjs/common';
import type { ImportJob } from '../generated/prisma/client.js';
import { badInput, notFound } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { JobQueue } from '../infra/queue/job-queue.js';
import type { ImportArticleInput } from './dto/import-article.input.js';
import type { ImportJobModel } from './models/import-job.model.js';

const SOURCES = ['text', 'markdown', 'html', 'url', 'bundle'] as const;

/** Accepts imports from admins and hands them to the `import` queue. */
@Injectable()
export class ImportService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: JobQueue,
  ) {}

  async request(input: ImportArticleInput, requestedById: string): Promise<ImportJobModel> {
    const given = SOURCES.filter((key) => input[key] !== undefined && input[key] !== null);
    if (given.length !== 1) throw badInput('input', 'Give exactly one of text, markdown, html, url or bundle');
    const source = given[0]!;
    const row = await this.prisma.importJob.create({
      data: {
        requestedById,
        source: source === 'url' ? (input.url as string) : source,
        format: input.format ?? null,
        input: { ...input },
      },
    });
    await this.jobs.add('import-article', { importJobId: row.id }, row.id);
    return toModel(row, null);
  }

  async get(id: string): Promise<ImportJobModel> {
    const row = await this.prisma.importJob.findUnique({
      where: { id },
      include: { article: { select: { slug: true } } },
    });
    if (!row) throw notFound('Import job', 'id');
    return toModel(row, row.article?.slug ?? null);
  }

  async list(take = 50): Promise<ImportJobModel[]> {
    const rows = await this.prisma.importJob.findMany({
      orderBy: { createdAt: 'desc' },
      take: Math.min(take, 200),
      include: { article: { select: { slug: true } } },
    });
    return rows.map((row) => toModel(row, row.article?.slug ?? null));
  }
}

function toModel(row: ImportJob, slug: string | null): ImportJobModel {
  return {
    id: row.id,
    status: row.status,
    progress: row.progress,
    step: row.step,
    source: row.source,
    warnings: Array.isArray(row.warnings) ? row.warnings.map(String) : [],
    error: row.error,
    articleId: row.articleId,
    articleSlug: slug,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
