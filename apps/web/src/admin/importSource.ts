/** Turning what the admin entered into exactly one import source, as the API requires. */
import type { ImportArticleInput, ImportFormat, ImportJob } from '../api/types.ts';

export type PasteFormat = Exclude<ImportFormat, 'bundle'>;

export type ImportSource =
  | { kind: 'paste'; format: PasteFormat; content: string }
  | { kind: 'file'; name: string; content: string }
  | { kind: 'url'; url: string };

/** Format from a file name; anything unknown is imported as plain text. */
export function formatOfFile(name: string): ImportFormat {
  const lower = name.toLowerCase();
  if (/\.(md|markdown|mdown)$/.test(lower)) return 'markdown';
  if (/\.html?$/.test(lower)) return 'html';
  if (lower.endsWith('.bundle.json') || lower.endsWith('.marginalia.json')) return 'bundle';
  return 'text';
}

export type SourceCheck = { ok: true; input: ImportArticleInput } | { ok: false; field: string; message: string };

export function toImportInput(source: ImportSource, slug = ''): SourceCheck {
  const withSlug = (input: ImportArticleInput): SourceCheck => ({
    ok: true,
    input: slug.trim() ? { ...input, slug: slug.trim() } : input,
  });
  if (slug.trim() && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug.trim())) {
    return { ok: false, field: 'slug', message: 'Use lower-case words joined by hyphens, e.g. my-article.' };
  }
  switch (source.kind) {
    case 'paste':
      if (!source.content.trim()) return { ok: false, field: 'content', message: 'Paste the article first.' };
      return withSlug({ [source.format]: source.content, format: source.format });
    case 'file': {
      if (!source.content.trim()) return { ok: false, field: 'file', message: 'Choose a file that is not empty.' };
      const format = formatOfFile(source.name);
      return withSlug({ [format]: source.content, format });
    }
    case 'url': {
      const url = source.url.trim();
      if (!/^https?:\/\/\S+$/i.test(url)) {
        return { ok: false, field: 'url', message: 'Enter an http:// or https:// address.' };
      }
      return withSlug({ url });
    }
  }
}

export const isFinished = (job: Pick<ImportJob, 'status'>): boolean =>
  job.status === 'SUCCEEDED' || job.status === 'FAILED';

const STEP_LABELS: Record<string, string> = {
  fetch: 'Fetching the page',
  parse: 'Reading the structure',
  store: 'Saving the article',
  comments: 'Importing comments',
  anchoring: 'Anchoring comments to passages',
  articles: 'Importing articles and their comments',
};

export function describeJob(job: Pick<ImportJob, 'status' | 'step'>): string {
  switch (job.status) {
    case 'QUEUED':
      return 'Waiting for a worker…';
    case 'RUNNING':
      return (job.step && STEP_LABELS[job.step]) ?? 'Importing…';
    case 'SUCCEEDED':
      return 'Imported';
    case 'FAILED':
      return 'Import failed';
  }
}
