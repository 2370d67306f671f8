import { Injectable, Logger } from '@nestjs/common';
import { parseAny, summarize, type ImportFormat, type ParseOptions, type ParsedArticle } from '@marginalia/content';
import { ArticleStore } from './article-store.js';
import { UrlFetcher } from './fetch/url-fetcher.js';
import { assertNoNul } from './nul-guard.js';

/** What an import was asked to read. Exactly one source. */
export interface ImportInput {
  text?: string;
  markdown?: string;
  html?: string;
  url?: string;
  bundle?: string;
  /** Raw file contents (CLI only; never stored in a job): checked for binary data as bytes. */
  bytes?: Uint8Array;
  format?: ImportFormat;
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
  /** Legacy comments written by this run (0 when they were all there already). */
  commentsCreated: number;
  anchoredThreads: number;
  replies: number;
  pageThreads: number;
  warnings: string[];
}

export type ImportStep = 'fetch' | 'parse' | 'store' | 'comments' | 'anchoring';
export type ProgressFn = (progress: number, step: ImportStep) => Promise<void>;

/** Where each step starts, in percent. */
export const STEP_PROGRESS: Record<ImportStep, number> = {
  fetch: 5,
  parse: 30,
  store: 50,
  comments: 70,
  anchoring: 90,
};

interface Source {
  content: string | Uint8Array;
  format?: ImportFormat;
  /** The URL it was fetched from (identity), and the one it finally came from (links). */
  url?: string;
  finalUrl?: string;
}

/**
 * Runs one import from input to stored article. Used by the `import-article` job and by
 * the CLI; reports progress in steps (fetch, parse, store, comments, anchoring).
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);

  constructor(
    private readonly store: ArticleStore,
    private readonly fetcher: UrlFetcher,
  ) {}

  async run(input: ImportInput, onProgress: ProgressFn = async () => undefined): Promise<ImportSummary> {
    const step = (name: ImportStep): Promise<void> => onProgress(STEP_PROGRESS[name], name);
    await step('fetch');
    const source = await this.read(input);
    await step('parse');
    const options: ParseOptions = {
      ...(source.format ? { format: source.format } : input.label ? { hint: input.label } : {}),
      ...(source.finalUrl ? { url: source.finalUrl } : {}),
    };
    const parsed: ParsedArticle = parseAny(source.content, options);
    assertNoNul(parsed);
    await step('store');
    const stored = await this.store.store(parsed, {
      ...(input.slug ? { slug: input.slug } : {}),
      ...(source.url ? { sourceUrl: source.url } : {}),
      onStep: step,
    });
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
      ...counts,
      commentsCreated: stored.commentsCreated,
      warnings: [...parsed.warnings, ...stored.warnings],
    };
  }

  private async read(input: ImportInput): Promise<Source> {
    if (input.url !== undefined) {
      const page = await this.fetcher.fetch(input.url);
      return { content: page.body, format: input.format ?? page.format, url: input.url, finalUrl: page.finalUrl };
    }
    if (input.markdown !== undefined) return { content: input.markdown, format: 'markdown' };
    if (input.html !== undefined) return { content: input.html, format: 'html' };
    if (input.bundle !== undefined) return { content: input.bundle, format: 'bundle' };
    if (input.bytes !== undefined) return { content: input.bytes, ...(input.format ? { format: input.format } : {}) };
    return { content: input.text ?? '', ...(input.format ? { format: input.format } : {}) };
  }
}
