import { IMPORT_FORMATS, type ImportFormat } from '@marginalia/content';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { importFailureOf } from '../../imports/import-failure.js';
import { loadConfig } from '../../infra/config/env.js';
import { preflight } from '../../infra/preflight.js';
import { ImportRunner, type ImportInput, type ImportSummary } from '../../imports/import-runner.js';
import { HistoryImportRunner, sniffHistoryFile } from '../../imports/history/history-import.runner.js';
import type { HistorySummary } from '../../imports/history/history-summary.js';
import { CliError, printJson, type Command } from '../command.js';
import { withImportContext } from '../import-context.js';
import { progressBar, type ProgressStream } from '../progress.js';

const URL_INPUT = /^https?:\/\//i;

function formatFor(file: string, forced?: ImportFormat): ImportFormat | undefined {
  if (forced) return forced;
  const ext = path.extname(file).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.json') return 'bundle';
  if (ext === '.txt') return 'text';
  return undefined; // sniffed from the content
}

/** Expands directories into the files they hold (not recursively), in name order. */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  // `pnpm marginalia` (the `cli` script) runs in apps/api: a relative path means where the
  // command was typed, which pnpm passes as INIT_CWD.
  const typedIn = process.env['npm_lifecycle_event'] === 'cli' ? process.env['INIT_CWD'] : undefined;
  const base = typedIn ?? process.cwd();
  for (const given of inputs) {
    if (URL_INPUT.test(given)) {
      out.push(given);
      continue;
    }
    const input = path.isAbsolute(given) ? given : path.relative(process.cwd(), path.resolve(base, given)) || '.';
    const info = await stat(input).catch(() => {
      throw new CliError(`No such file or directory: ${given}`);
    });
    if (info.isDirectory()) {
      const names = (await readdir(input, { withFileTypes: true }))
        .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
        .map((entry) => entry.name)
        .sort();
      out.push(...names.map((n) => path.join(input, n)));
    } else out.push(input);
  }
  return out;
}

function isHistory(s: ImportSummary | HistorySummary): s is HistorySummary {
  return 'format' in s;
}

/** The one-line JSON the CLI prints per imported input, with exactly these keys. */
export function summaryJson(s: ImportSummary | HistorySummary): Record<string, unknown> {
  if (isHistory(s)) {
    return {
      format: s.format,
      articles: s.articles,
      comments: s.comments,
      commentsCreated: s.commentsCreated,
      replies: s.replies,
      published: s.published,
      pending: s.pending,
      rejected: s.rejected,
      deleted: s.deleted,
      authors: s.authors,
      warnings: s.warnings,
    };
  }
  return {
    slug: s.slug,
    title: s.title,
    author: s.author,
    siteName: s.siteName,
    revision: s.revision,
    blocks: s.blocks,
    sections: s.sections,
    comments: s.comments,
    anchoredThreads: s.anchoredThreads,
    replies: s.replies,
    pageThreads: s.pageThreads,
    warnings: s.warnings,
  };
}

/** One outcome per input, in order: a summary, or the failure for inputs that could not be imported. */
export async function importFiles(
  runner: ImportRunner,
  inputs: string[],
  forced?: ImportFormat,
  stream: ProgressStream = process.stderr,
  history?: HistoryImportRunner,
): Promise<Array<ImportSummary | HistorySummary | Error>> {
  const results: Array<ImportSummary | HistorySummary | Error> = [];
  for (const input of inputs) {
    const bar = progressBar(input, stream);
    try {
      // A WordPress or Disqus export is a site's history, streamed rather than read whole.
      if (history && !forced && !URL_INPUT.test(input) && (await sniffHistoryFile(input))) {
        results.push(await history.run(input, async (p, step) => bar.update(p, step)));
        continue;
      }
      const source: ImportInput = URL_INPUT.test(input)
        ? { url: input, ...(forced ? { format: forced } : {}) }
        : { bytes: await readFile(input), format: formatFor(input, forced), label: path.basename(input) };
      results.push(await runner.run(source, async (p, step) => bar.update(p, step)));
    } catch (error) {
      if (!importFailureOf(error)) throw error;
      results.push(error as Error);
    } finally {
      bar.done();
    }
  }
  return results;
}

export const importCommand: Command = {
  summary: 'Import articles from files, directories or URLs, and site histories (WordPress WXR, Disqus exports)',
  usage: 'pnpm marginalia import <file|dir|url>... [--format text|markdown|html|bundle] [--json]',
  options: { format: { type: 'string' } },
  async run(values, positionals) {
    if (positionals.length === 0) throw new CliError('Give at least one file, directory or URL to import.');
    const forced = values['format'] as ImportFormat | undefined;
    if (forced && !IMPORT_FORMATS.includes(forced)) {
      throw new CliError(`--format must be one of ${IMPORT_FORMATS.join(', ')}`);
    }
    const inputs = await expandInputs(positionals);
    await preflight(loadConfig(process.env)); // a clear message if PostgreSQL or Redis is down
    const results = await withImportContext((app) =>
      importFiles(app.get(ImportRunner), inputs, forced, process.stderr, app.get(HistoryImportRunner)),
    );
    let failed = 0;
    results.forEach((result, i) => {
      const input = inputs[i]!;
      if (result instanceof Error) {
        failed++;
        const failure = importFailureOf(result);
        const error = { code: failure?.code ?? 'ERROR', message: result.message };
        if (values['json']) printJson({ input, error });
        else process.stderr.write(`✗ ${input}: ${error.code}: ${error.message}\n`);
      } else if (values['json']) printJson(summaryJson(result));
      else if (isHistory(result)) {
        process.stdout.write(
          `✓ ${result.format === 'wxr' ? 'WordPress' : 'Disqus'} export: ${result.articles} articles, ` +
            `${result.comments} comments (${result.commentsCreated} new), ${result.authors} authors\n`,
        );
        for (const w of result.warnings) process.stdout.write(`  ! ${w}\n`);
      } else {
        process.stdout.write(
          `✓ ${result.title} → /a/${result.slug} (revision ${result.revision}${result.newRevision ? '' : ', unchanged'}; ` +
            `${result.blocks} blocks, ${result.comments} comments)\n`,
        );
        for (const w of result.warnings) process.stdout.write(`  ! ${w}\n`);
      }
    });
    return failed > 0 ? 1 : 0;
  },
};
