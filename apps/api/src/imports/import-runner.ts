import { Injectable, Logger } from '@nestjs/common';
import { ContentError, parseAny, summarize, type ParsedArticle } from '@marginalia/content';
import type { Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { ArticleStore, StoreResult } from './article-store.js';

/** What an import was asked to read. Exactly one source. */
export interface ImportInput {
  text?: string;
  markdown?: string;
  html?: string;
  url?: string;
  bundle?: string;
  format?: 'text' | 'markdown' | 'html' | 'bundle';
  slug?: string;
  /** Where the content came from, for the import history (e.g. a file name). */
  label?: string;
}

export interface ImportSummary {
  articleId: string;
  slug: string;
  title: string;
  author: string | null;
  siteName: string | null;
  revision: number;
  newRevision: boolean;
  blocks: number;
  sections: number;
  comments: number;
  anchoredThreads: number;
  replies: number;
  pageThreads: number;
  warnings: string[];
}

export type ProgressFn = (progress: number, step: string) => Promise<void>;

/**
 * Runs one import from input to stored article. Used by the `import-article` job and by
 * the CLI; reports progress in steps (fetch, parse, store, comments, anchoring).
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);

  constructor(
    private readonly store: ArticleStore,
    private readonly prisma: PrismaService,
  ) {}

  async run(input: ImportInput, onProgress: ProgressFn = async () => undefined): Promise<ImportSummary> {
    await onProgress(5, 'fetch');
    const { content, format, url } = await this.read(input);
    await onProgress(20, 'parse');
    const parsed: ParsedArticle = parseAny(content, { format, url });
    await onProgress(50, 'store');
    const stored: StoreResult = await this.store.store(parsed, { slug: input.slug, sourceUrl: url });
    await onProgress(80, 'comments');
    await onProgress(95, 'anchoring');
    const counts = summarize(parsed);
    this.logger.log({ slug: stored.slug, version: stored.version, newRevision: stored.newRevision }, 'imported');
    return {
      articleId: stored.articleId,
      slug: stored.slug,
      title: parsed.title,
      author: parsed.author ?? null,
      siteName: parsed.siteName ?? null,
      revision: stored.version,
      newRevision: stored.newRevision,
      blocks: counts.blocks,
      sections: counts.sections,
      comments: counts.comments,
      anchoredThreads: counts.anchoredThreads,
      replies: counts.replies,
      pageThreads: counts.pageThreads,
      warnings: parsed.warnings,
    };
  }

  private async read(input: ImportInput): Promise<{ content: string; format?: ImportInput['format']; url?: string }> {
    if (input.url) throw new ContentError('UNSUPPORTED_FORMAT', 'URL imports are not available yet');
    if (input.markdown !== undefined) return { content: input.markdown, format: 'markdown' };
    if (input.html !== undefined) return { content: input.html, format: 'html' };
    if (input.bundle !== undefined) return { content: input.bundle, format: 'bundle' };
    return { content: input.text ?? '', format: input.format };
  }

  /** Records progress on the ImportJob row, which GraphQL reads. */
  progressFor(importJobId: string): ProgressFn {
    return async (progress, step) => {
      await this.prisma.importJob.update({ where: { id: importJobId }, data: { progress, step } });
    };
  }

  jsonOf(summary: ImportSummary): Prisma.InputJsonValue {
    return summary as unknown as Prisma.InputJsonValue;
  }
}
