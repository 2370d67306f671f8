#!/usr/bin/env node
// `pnpm bench [name...]`: runs the named benchmarks (all when none is named). Each prints
// its figures and ratios against a baseline measured in the same run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const api = path.join(root, 'apps/api');

/** name → how to run it (after building). */
const BENCHES = {
  anchoring: { cwd: path.join(root, 'packages/anchoring'), cmd: ['pnpm', 'run', '--silent', 'bench'] },
  import: { cwd: api, cmd: ['node', 'dist/bench/import.bench.js'] },
  read: { cwd: api, cmd: ['node', 'dist/bench/read.bench.js'] },
  moderation: { cwd: api, cmd: ['node', 'dist/bench/moderation.bench.js'] },
  web: { cwd: path.join(root, 'apps/web'), cmd: ['pnpm', 'run', '--silent', 'bench'] },
};

const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
const unknown = names.filter((n) => !(n in BENCHES));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(1);
}

const build = spawnSync('pnpm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);

let failed = 0;
for (const name of names) {
  const bench = BENCHES[name];
  const script = bench.cmd[0] === 'node' ? path.join(bench.cwd, bench.cmd[1]) : null;
  if (script && !existsSync(script)) {
    console.error(`\n== ${name}: not available (${path.relative(root, script)} missing)`);
    failed++;
    continue;
  }
  console.log(`\n== ${name}`);
  const run = spawnSync(bench.cmd[0], bench.cmd.slice(1), { cwd: bench.cwd, stdio: 'inherit', env: process.env });
  if (run.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
