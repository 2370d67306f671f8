import type { ImportJob } from '../generated/prisma/client.js';
import type { ImportJobModel } from './models/import-job.model.js';

/** Topic of an import job's updates (EventBus → Redis → every API process's subscribers). */
export const importTopic = (importJobId: string): string => `import:${importJobId}`;

export type ImportJobRow = ImportJob & { article: { slug: string } | null };

export function toImportJobModel(row: ImportJobRow): ImportJobModel {
  return {
    id: row.id,
    status: row.status,
    progress: row.progress,
    step: row.step,
    source: row.source,
    warnings: Array.isArray(row.warnings) ? row.warnings.map(String) : [],
    error: row.error,
    articleId: row.articleId,
    articleSlug: row.article?.slug ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** An update as it travels as JSON (dates become strings), back into the model. */
export function fromImportJobEvent(payload: ImportJobModel): ImportJobModel {
  return { ...payload, createdAt: new Date(payload.createdAt), updatedAt: new Date(payload.updatedAt) };
}
