import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCommand } from '../../../src/cli/commands/import.command.js';

/** The site-history fixtures, written from the published WXR 1.2 and Disqus export formats. */
export const HISTORY_DIR = path.dirname(fileURLToPath(import.meta.url));

/** Runs `pnpm marginalia import <files> --json` as the CLI would, returning the exit code and the JSON lines. */
export async function runImport(files: string[]): Promise<{ code: number; results: Array<Record<string, unknown>> }> {
  const printed: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => printed.push(String(chunk)) > 0) as typeof process.stdout.write;
  try {
    const code = await importCommand.run({ json: true }, files);
    const results = printed
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    return { code, results };
  } finally {
    process.stdout.write = write;
  }
}
