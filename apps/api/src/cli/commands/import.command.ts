import { ContentError } from '@marginalia/content';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ImportRunner, type ImportInput, type ImportSummary } from '../../imports/import-runner.js';
import { CliError, printJson, type Command } from '../command.js';
import { withContext } from '../context.js';
import { progressBar } from '../progress.js';

const FORMATS = ['text', 'markdown', 'html', 'bundle'] as const;
type Format = (typeof FORMATS)[number];

function formatFor(file: string, forced?: Format): Format | undefined {
  if (forced) return forced;
  const ext = path.extname(file).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.json') return 'bundle';
  if (ext === '.txt') return 'text';
  return undefined;
}

/** Expands directories into the files they hold (not recursively), in name order. */
async function expand(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) {
      out.push(input);
      continue;
    }
    const info = await stat(input).catch(() => {
      throw new CliError(`No such file or directory: ${input}`);
    });
    if (info.isDirectory()) {
      const names = (await readdir(input)).filter((n) => !n.startsWith('.')).sort();
      out.push(...names.map((n) => path.join(input, n)));
    } else out.push(input);
  }
  return out;
}

export function summaryJson(s: ImportSummary): Record<string, unknown> {
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

function sourceOf(format: Format | undefined, content: string): ImportInput {
  switch (format) {
    case 'markdown':
      return { markdown: content };
    case 'html':
      return { html: content };
    case 'bundle':
      return { bundle: content };
    case 'text':
    case undefined:
      return { text: content, format };
  }
}

export async function importFiles(
  runner: ImportRunner,
  files: string[],
  forced?: Format,
): Promise<Array<ImportSummary | Error>> {
  const results: Array<ImportSummary | Error> = [];
  for (const file of files) {
    const bar = progressBar(file);
    try {
      const input: ImportInput = /^https?:\/\//i.test(file)
        ? { url: file }
        : { ...sourceOf(formatFor(file, forced), await readFile(file, 'utf8')), label: path.basename(file) };
      results.push(await runner.run(input, async (p, step) => bar.update(p, step)));
    } catch (error) {
      if (!(error instanceof ContentError) && !(error instanceof CliError)) throw error;
      results.push(error);
    } finally {
      bar.done();
    }
  }
  return results;
}

export const importCommand: Command = {
  summary: 'Import articles from files, directories or URLs',
  usage: 'pnpm marginalia import <file|dir|url>... [--format text|markdown|html|bundle] [--json]',
  options: { format: { type: 'string' } },
  async run(values, positionals) {
    if (positionals.length === 0) throw new CliError('Give at least one file, directory or URL to import.');
    const forced = values['format'] as Format | undefined;
    if (forced && !FORMATS.includes(forced)) throw new CliError(`--format must be one of ${FORMATS.join(', ')}`);
    const files = await expand(positionals);
    const results = await withContext((app) => importFiles(app.get(ImportRunner), files, forced));
    let failed = 0;
    results.forEach((result, i) => {
      const file = files[i]!;
      if (result instanceof Error) {
        failed++;
        const code = result instanceof ContentError ? result.code : 'ERROR';
        if (values['json']) printJson({ input: file, error: { code, message: result.message } });
        else process.stderr.write(`✗ ${file}: ${result.message}\n`);
      } else if (values['json']) printJson(summaryJson(result));
      else {
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
