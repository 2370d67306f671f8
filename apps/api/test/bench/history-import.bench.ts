/**
 * Migration figures for `pnpm bench import`: a generated WordPress WXR export and a Disqus
 * export of the same site (HISTORY_COMMENTS comments each, 100,000 by default), imported
 * the way `pnpm marginalia import export.xml` runs it, in the bench's throwaway database.
 * Baseline in the same run: reading the same file with the streaming parser alone. Peak RSS
 * is the process's, sampled every 50 ms while each import runs.
 */
import { readDisqus, readWxr } from '@marginalia/content';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { withContext } from '../../src/cli/context.js';
import { HistoryImportRunner } from '../../src/imports/history/history-import.runner.js';
import type { HistorySummary } from '../../src/imports/history/history-summary.js';
import type { BenchResult } from './harness.js';
import { writeDisqus, writeWxr, type HistoryCorpus } from './history-corpus.js';

const COMMENTS = Number(process.env['HISTORY_COMMENTS'] ?? 100_000);
const PER_POST = Number(process.env['HISTORY_COMMENTS_PER_POST'] ?? 100);
/** Targets on this machine (2 cores): end to end, and the import process's peak memory. */
const TARGET_RATE = 2000;
const TARGET_RSS_MB = 300;

async function parseOnly(file: string, format: 'wxr' | 'disqus'): Promise<number> {
  const start = performance.now();
  let comments = 0;
  const source = createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Uint8Array>;
  if (format === 'wxr') {
    for await (const e of readWxr(source)) if (e.kind === 'post') comments += e.post.comments.length;
  } else {
    for await (const e of readDisqus(source)) if (e.kind === 'post') comments++;
  }
  if (comments !== COMMENTS) throw new Error(`parsed ${comments} comments, expected ${COMMENTS}`);
  return comments / ((performance.now() - start) / 1000);
}

/** Runs `fn` while sampling the process's RSS; answers its result, seconds and the peak RSS in MB. */
async function sampled<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  const start = performance.now();
  try {
    const value = await fn();
    return { value, seconds: (performance.now() - start) / 1000, peakMb: Math.max(peak, process.memoryUsage.rss()) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

export async function migrationFigures(result: BenchResult): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'marginalia-history-bench-'));
  try {
    const options = { site: 'bench-history.example', comments: COMMENTS, commentsPerPost: PER_POST };
    const files = { wxr: path.join(dir, 'wordpress.xml'), disqus: path.join(dir, 'disqus.xml') };
    const corpora: Record<'wxr' | 'disqus', HistoryCorpus> = {
      wxr: await writeWxr(files.wxr, options),
      disqus: await writeDisqus(files.disqus, options),
    };
    await withContext(async (app) => {
      const runner = app.get(HistoryImportRunner);
      for (const format of ['wxr', 'disqus'] as const) {
        const corpus = corpora[format];
        const parse = await parseOnly(files[format], format);
        const run = await sampled(() => runner.run(files[format]));
        const summary: HistorySummary = run.value;
        if (summary.commentsCreated !== COMMENTS)
          throw new Error(`${format}: created ${summary.commentsCreated} comments, expected ${COMMENTS}`);
        const rate = COMMENTS / run.seconds;
        const label = format === 'wxr' ? 'WordPress WXR' : 'Disqus';
        console.log(
          `migration bench, ${label}: ${COMMENTS} comments on ${corpus.posts} ${format === 'wxr' ? 'posts' : 'threads'} ` +
            `(${(corpus.bytes / 1e6).toFixed(1)} MB): import ${rate.toFixed(0)} comments/s, parse only ${parse.toFixed(0)} ` +
            `comments/s (${(rate / parse).toFixed(2)}×), peak RSS ${run.peakMb.toFixed(0)} MB`,
        );
        result.setup.push(
          `${label}: a generated ${(corpus.bytes / 1e6).toFixed(1)} MB export, ${COMMENTS} comments on ${corpus.posts} ` +
            `${format === 'wxr' ? 'posts' : 'threads'}, imported once like \`pnpm marginalia import export.xml\``,
        );
        result.figure({ name: `${label}: baseline: streaming parse only`, unit: 'comments/s', median: parse });
        result.figure({
          name: `${label}: import (end to end)`,
          unit: 'comments/s',
          median: rate,
          baseline: { name: 'parse only', median: parse },
          target: `≥ ${TARGET_RATE} comments/s`,
          pass: rate >= TARGET_RATE,
        });
        result.figure({
          name: `${label}: peak RSS of the import process`,
          unit: 'MB',
          median: run.peakMb,
          target: `≤ ${TARGET_RSS_MB} MB`,
          pass: run.peakMb <= TARGET_RSS_MB,
        });
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
