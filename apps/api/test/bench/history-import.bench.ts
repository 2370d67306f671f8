/**
 * Migration figures for `pnpm bench import`: a generated WordPress WXR export and a Disqus
 * export of the same site (HISTORY_COMMENTS comments each, 100,000 by default), each
 * imported by the built CLI in a child process exactly as `pnpm marginalia import
 * export.xml --json` runs it (the package's `cli` script, its heap settings and start-up
 * included), into the bench's throwaway database. Peak RSS is the child's, sampled every
 * 50 ms from /proc, with its CPU time. Baselines in the same run: reading the same file with
 * the streaming parser alone, in this process; and, for memory, plain `node dist/cli/main.js`
 * without the heap settings.
 */
import { readDisqus, readWxr } from '@marginalia/content';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HistorySummary } from '../../src/imports/history/history-summary.js';
import { cpuMsOf, rssOf, type BenchResult } from './harness.js';
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

const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `pnpm marginalia`'s command line, from the package's `cli` script: `node <heap settings> dist/cli/main.js`. */
function cliCommand(): { node: string[]; script: string } {
  const pkg = JSON.parse(readFileSync(path.join(API_DIR, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [command, ...rest] = pkg.scripts['cli']!.split(/\s+/);
  const script = rest.pop();
  if (command !== 'node' || script !== 'dist/cli/main.js')
    throw new Error(`unexpected cli script: ${pkg.scripts['cli']}`);
  return { node: rest, script };
}

interface CliRun {
  summary: HistorySummary;
  seconds: number;
  peakMb: number;
  cpuSeconds: number;
}

/**
 * `pnpm marginalia import <file> --json` in a child (`node <heap settings> dist/cli/main.js`,
 * or without the settings when `plain`), sampling its RSS and CPU time.
 */
function importWithCli(file: string, env: NodeJS.ProcessEnv, plain = false): Promise<CliRun> {
  const { node, script } = cliCommand();
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('node', [...(plain ? [] : node), script, 'import', file, '--json'], {
      cwd: API_DIR,
      env: { ...env, LOG_LEVEL: 'silent', NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let peak = 0;
    let cpu = 0;
    const sample = (): void => {
      const rss = rssOf(child.pid!);
      if (Number.isFinite(rss)) peak = Math.max(peak, rss);
      const used = cpuMsOf(child.pid!);
      if (Number.isFinite(used)) cpu = Math.max(cpu, used);
    };
    const timer = setInterval(sample, 50);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - start) / 1000;
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (code !== 0 || !line) return reject(new Error(`import exited ${code}: ${stdout}\n${stderr}`.slice(-3000)));
      resolve({ summary: JSON.parse(line) as HistorySummary, seconds, peakMb: peak / 2 ** 20, cpuSeconds: cpu / 1000 });
    });
  });
}

export async function migrationFigures(result: BenchResult, env: NodeJS.ProcessEnv): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'marginalia-history-bench-'));
  try {
    const options = { site: 'bench-history.example', comments: COMMENTS, commentsPerPost: PER_POST };
    const files = { wxr: path.join(dir, 'wordpress.xml'), disqus: path.join(dir, 'disqus.xml') };
    const corpora: Record<'wxr' | 'disqus', HistoryCorpus> = {
      wxr: await writeWxr(files.wxr, options),
      disqus: await writeDisqus(files.disqus, options),
    };
    // Baseline for memory: the same command importing a 7-comment export (start-up, modules, pools).
    const small = await importWithCli(path.join(API_DIR, 'test/support/history/wordpress.wxr.xml'), env);
    console.log(
      `migration bench, baseline: the CLI importing a 7-comment export peaks at ${small.peakMb.toFixed(0)} MB RSS`,
    );
    result.figure({
      name: 'baseline: peak RSS of the CLI importing a 7-comment export',
      unit: 'MB',
      median: small.peakMb,
    });
    for (const format of ['wxr', 'disqus'] as const) {
      const corpus = corpora[format];
      const parse = await parseOnly(files[format], format);
      const run = await importWithCli(files[format], env);
      if (run.summary.commentsCreated !== COMMENTS)
        throw new Error(`${format}: created ${run.summary.commentsCreated} comments, expected ${COMMENTS}`);
      const rate = COMMENTS / run.seconds;
      const perCpu = COMMENTS / run.cpuSeconds;
      const label = format === 'wxr' ? 'WordPress WXR' : 'Disqus';
      const unit = format === 'wxr' ? 'posts' : 'threads';
      console.log(
        `migration bench, ${label}: ${COMMENTS} comments on ${corpus.posts} ${unit} (${(corpus.bytes / 1e6).toFixed(1)} MB): ` +
          `import ${rate.toFixed(0)} comments/s (${perCpu.toFixed(0)} per CPU-second of the import process), ` +
          `parse only ${parse.toFixed(0)} comments/s (${(rate / parse).toFixed(2)}×), peak RSS ${run.peakMb.toFixed(0)} MB`,
      );
      result.setup.push(
        `${label}: a generated ${(corpus.bytes / 1e6).toFixed(1)} MB export, ${COMMENTS} comments on ${corpus.posts} ` +
          `${unit}, imported once by \`${['node', ...cliCommand().node, cliCommand().script].join(' ')} import export.xml --json\` ` +
          '(`pnpm marginalia import`, start-up included)',
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
      result.figure({ name: `${label}: import, per CPU-second of its process`, unit: 'comments/s', median: perCpu });
      result.figure({
        name: `${label}: peak RSS of the import process`,
        unit: 'MB',
        median: run.peakMb,
        target: `≤ ${TARGET_RSS_MB} MB`,
        pass: run.peakMb <= TARGET_RSS_MB,
      });
    }

    // Baseline for memory: the same WXR import (of another site, so it creates as much) by plain
    // `node dist/cli/main.js`, whose heap V8 sizes for a machine with memory to spare.
    const plainFile = path.join(dir, 'wordpress-plain.xml');
    await writeWxr(plainFile, { ...options, site: 'bench-history-plain.example' });
    const run = await importWithCli(plainFile, env, true);
    if (run.summary.commentsCreated !== COMMENTS) throw new Error(`plain: created ${run.summary.commentsCreated}`);
    const rate = COMMENTS / run.seconds;
    console.log(
      `migration bench, WordPress WXR by plain node dist/cli/main.js: import ${rate.toFixed(0)} comments/s, ` +
        `peak RSS ${run.peakMb.toFixed(0)} MB`,
    );
    result.figure({
      name: 'baseline: WordPress WXR by plain `node dist/cli/main.js` (no heap settings): import',
      unit: 'comments/s',
      median: rate,
    });
    result.figure({
      name: 'baseline: WordPress WXR by plain `node dist/cli/main.js` (no heap settings): peak RSS',
      unit: 'MB',
      median: run.peakMb,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
