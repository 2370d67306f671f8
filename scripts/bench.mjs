#!/usr/bin/env node
// `pnpm bench [name...]`: builds, runs the named benchmarks (the default set when none is
// named), and writes their figures into docs/benchmarks.md. Each benchmark prints its figures
// and ratios against a baseline measured in the same run, and writes them as JSON to the file
// named by BENCH_RESULT_FILE; this script collects those files.
//
// docs/benchmarks.md keeps one section per benchmark: a run replaces the sections of the
// benchmarks it ran and keeps the others as they were (each section carries its own date and
// machine). `pnpm bench --report DIR` re-renders the sections from saved JSON results in DIR
// without running anything.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const api = path.join(root, 'apps/api');
const docFile = path.join(root, 'docs/benchmarks.md');

/**
 * An API benchmark: its TypeScript source run through the tests' loader (transpile only, like
 * the API's own e2e children), so the benches need no build of their own and never ship in
 * dist/. The workspace packages it imports come from their builds.
 */
const apiBench = (file, ...args) => ({
  cwd: api,
  script: file,
  cmd: ['node', '--import', './test/support/register-ts.mjs', file, ...args],
});

/** name → how to run it (after building), in the order of docs/benchmarks.md. */
const BENCHES = {
  anchoring: { cwd: path.join(root, 'packages/anchoring'), cmd: ['pnpm', 'run', '--silent', 'bench'] },
  import: apiBench('test/bench/import.bench.ts'),
  read: apiBench('test/bench/read.bench.ts'),
  'large-read': apiBench('test/bench/large-read.bench.ts'),
  mixed: apiBench('test/bench/load.bench.ts', 'mixed'),
  scale: apiBench('test/bench/load.bench.ts', 'scale'),
  moderation: apiBench('test/bench/moderation.bench.ts'),
  search: apiBench('test/bench/search.bench.ts'),
  'hot-spots': apiBench('test/bench/hot-spots.bench.ts'),
  queues: apiBench('test/bench/queues.bench.ts'),
  fanout: apiBench('test/bench/fanout.bench.ts'),
  digest: apiBench('test/bench/digest.bench.ts'),
  contested: apiBench('test/bench/contested.bench.ts'),
  web: { cwd: path.join(root, 'apps/web'), cmd: ['pnpm', 'run', '--silent', 'bench'] },
  'web-large': {
    cwd: path.join(root, 'apps/web'),
    cmd: ['pnpm', 'run', '--silent', 'bench'],
    env: { BENCH_WEB_THREADS: '10000', BENCH_WEB_EMBED: '0' },
  },
  soak: apiBench('test/bench/load.bench.ts', 'soak'),
};
/** The soak takes BENCH_SOAK_MINUTES (10) on its own: run it by name. */
const DEFAULT = Object.keys(BENCHES).filter((n) => n !== 'soak');

// ---------------------------------------------------------------- machine

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

const loads = (xs) => xs.map((x) => x.toFixed(2)).join(' ');
const machineLine = (m) =>
  `${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, Node ${m.node}; load average (1, 5, 15 min) ${loads(m.loadStart)}` +
  (m.loadEnd ? ` at the start, ${loads(m.loadEnd)} at the end` : '');

// ---------------------------------------------------------------- rendering

/** Three significant digits, at most one decimal for big numbers; thousands separated. */
function num(x) {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return x.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: digits });
}

const cell = (s) => String(s).replaceAll('|', '\\|');

function renderSection(name, result, runInfo) {
  const lines = [`<!-- bench:${name}:start -->`];
  const title = result?.title ?? name;
  const verdict = result ? (result.pass ? 'PASS' : 'FAIL') : 'NOT RUN';
  lines.push(`## ${title} (\`pnpm bench ${name}\`) — ${verdict}`, '');
  if (!result) {
    lines.push(`The benchmark did not finish (${runInfo ?? 'no result file'}); see its output.`, '');
  } else {
    const m = result.machine;
    lines.push(
      `Run ${result.startedAt ? `${result.startedAt.slice(0, 16).replace('T', ' ')} UTC` : 'at an unrecorded time'}, ${result.seconds ?? '?'} s. ` +
        `Machine: ${m ? machineLine(m) : 'not recorded'}.`,
      '',
    );
    for (const s of result.setup ?? []) lines.push(`- ${s}`);
    if ((result.setup ?? []).length) lines.push('');
    lines.push(
      '| figure | median | spread (min–max) | same-run baseline | ratio | target | result |',
      '|---|---:|---:|---|---:|---|---|',
    );
    for (const f of result.figures) {
      const unit = f.unit ? ` ${f.unit}` : '';
      lines.push(
        `| ${cell(f.name)} | ${num(f.median)}${unit} | ${f.spread ? `${num(f.spread.min)}–${num(f.spread.max)}` : '–'} | ` +
          `${f.baseline ? `${cell(f.baseline.name)}: ${num(f.baseline.median)}${unit}` : '–'} | ` +
          `${f.ratio === null || f.ratio === undefined ? '–' : `${f.ratio.toFixed(2)}×`} | ${f.target ? cell(f.target) : '–'} | ` +
          `${f.pass === null || f.pass === undefined ? '–' : f.pass ? 'PASS' : '**FAIL**'} |`,
      );
    }
    lines.push('');
    for (const n of result.notes ?? []) lines.push(`Note: ${n}`, '');
  }
  lines.push(`<!-- bench:${name}:end -->`);
  return lines.join('\n');
}

const HEADER = `# Benchmarks

Generated by \`pnpm bench\` (scripts/bench.mjs); do not edit by hand. Every figure is the
median over the repeats of one run, with their spread (min–max), beside a baseline measured
in the same run on the same machine, so the ratio stays meaningful on a busy or slow machine
while the absolute figures do not travel between machines.

How to reproduce (PostgreSQL and Redis running as in the README; every benchmark creates and
drops its own database and Redis prefix):

- \`pnpm bench\` builds and runs every benchmark except the soak (anchoring, import, read,
  large-read, mixed, scale, moderation, search, hot-spots, queues, fanout, digest, contested,
  web, web-large; about 25 minutes on 2 cores) and rewrites their sections.
- \`pnpm bench soak\` runs the soak (BENCH_SOAK_MINUTES, default 10) and rewrites its section.
- \`pnpm bench read mixed\` runs only those and rewrites only their sections; the other
  sections keep the run (and machine) they were measured on, shown in each section.
- \`pnpm bench --report DIR\` re-renders the sections from saved JSON results in DIR.
- Settings: BENCH_DURATION (seconds per load run; 20 for mixed/scale, 10 for read and
  moderation), BENCH_CONNECTIONS (20), BENCH_RUNS (repeats of import, web, moderation (5),
  and of large-read's first view), BENCH_SOAK_MINUTES.

The ratio column is the figure divided by its baseline. Where the machine is shared, the
load generator (autocannon), the API, the worker, PostgreSQL and Redis all run on its cores.
`;

function writeDoc(results, runInfo, runMachine) {
  const existing = existsSync(docFile) ? readFileSync(docFile, 'utf8') : '';
  const sections = {};
  for (const name of Object.keys(BENCHES)) {
    const m = new RegExp(`<!-- bench:${name}:start -->[\\s\\S]*?<!-- bench:${name}:end -->`).exec(existing);
    if (m) sections[name] = m[0];
  }
  for (const name of Object.keys(runInfo)) sections[name] = renderSection(name, results[name], runInfo[name]);
  const body = Object.keys(BENCHES)
    .filter((name) => sections[name])
    .map((name) => sections[name]);
  // A summary of every section, read back from their headings (kept sections included).
  const summary = ['| benchmark | result | run |', '|---|---|---|'];
  for (const section of body) {
    const heading = /^## (.*) \(`pnpm bench ([\w-]+)`\) — (.*)$/m.exec(section);
    const run = /^Run (\S+ \S+) UTC/m.exec(section);
    if (heading)
      summary.push(`| ${heading[1]} (\`pnpm bench ${heading[2]}\`) | ${heading[3]} | ${run ? `${run[1]} UTC` : '–'} |`);
  }
  const rerendered = Object.values(runInfo).every((info) => info === 'from saved results');
  const updated =
    `Last update ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ` +
    `${rerendered ? 're-rendered from the saved results of' : 'ran'} ${Object.keys(runInfo).join(', ')}, ` +
    `on ${machineLine(runMachine)}.\n`;
  mkdirSync(path.dirname(docFile), { recursive: true });
  writeFileSync(docFile, `${HEADER}\n${updated}\n${summary.join('\n')}\n\n${body.join('\n\n')}\n`);
  // The repository's format check covers docs/: leave the file as prettier would.
  const prettier = path.join(root, 'node_modules/.bin/prettier');
  if (existsSync(prettier)) spawnSync(prettier, ['--write', '--log-level', 'warn', docFile], { stdio: 'inherit' });
  console.log(`\nwrote ${path.relative(root, docFile)} (${Object.keys(runInfo).join(', ')})`);
}

function readResult(file) {
  try {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    if (!Array.isArray(json.figures)) throw new Error('no figures');
    return json;
  } catch (error) {
    if (existsSync(file)) console.error(`unreadable result ${file}: ${error.message}`);
    return null;
  }
}

// ---------------------------------------------------------------- main

const args = process.argv.slice(2);
if (args[0] === '--report') {
  const dir = path.resolve(args[1] ?? '.');
  const results = {};
  const runInfo = {};
  for (const name of Object.keys(BENCHES)) {
    const result = readResult(path.join(dir, `${name}.json`));
    if (result) {
      results[name] = result;
      runInfo[name] = 'from saved results';
    }
  }
  if (Object.keys(results).length === 0) {
    console.error(`no <bench>.json results in ${dir}`);
    process.exit(1);
  }
  writeDoc(results, runInfo, Object.values(results)[0].machine ?? machine());
  process.exit(0);
}

const names = args.length > 0 ? args : DEFAULT;
const unknown = names.filter((n) => !(n in BENCHES));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(1);
}

const build = spawnSync('pnpm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);

const resultsDir = process.env.BENCH_RESULTS_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'marginalia-bench-'));
mkdirSync(resultsDir, { recursive: true });
const runMachine = machine();
const results = {};
const runInfo = {};
let failed = 0;
for (const name of names) {
  const bench = BENCHES[name];
  const script = bench.script ? path.join(bench.cwd, bench.script) : null;
  if (script && !existsSync(script)) {
    console.error(`\n== ${name}: not available (${path.relative(root, script)} missing)`);
    runInfo[name] = `${path.relative(root, script)} missing`;
    failed++;
    continue;
  }
  console.log(`\n== ${name}`);
  const file = path.join(resultsDir, `${name}.json`);
  const before = machine();
  const started = new Date();
  const run = spawnSync(bench.cmd[0], bench.cmd.slice(1), {
    cwd: bench.cwd,
    stdio: 'inherit',
    env: { ...process.env, ...bench.env, BENCH_RESULT_FILE: file },
  });
  const result = readResult(file);
  if (result) {
    // Benchmarks outside the API (anchoring, web) leave the machine and timing to this script.
    result.machine ??= { ...before, loadEnd: os.loadavg().map((x) => Math.round(x * 100) / 100) };
    result.startedAt ??= started.toISOString();
    result.seconds ??= Math.round((Date.now() - started.getTime()) / 1000);
    result.pass ??= result.figures.every((f) => f.pass !== false);
    results[name] = result;
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`); // complete, for --report
  }
  runInfo[name] = run.status === 0 ? 'passed' : `exit code ${run.status ?? run.signal}`;
  if (run.status !== 0) failed++;
}
runMachine.loadEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
writeDoc(results, runInfo, runMachine);
console.log(`results: ${resultsDir}`);
process.exit(failed > 0 ? 1 : 0);
