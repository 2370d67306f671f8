#!/usr/bin/env node
// Runs a build step unless its inputs and its output are exactly as the last successful run
// left them, so that a restart with no change skips `prisma generate` and `vite build`
// (about 3 s and 25 s on a busy 2-core machine).
//
//   node build-unless-unchanged.mjs --name NAME --output FILE --inputs PATH... -- COMMAND...
//
// The fingerprint is a sha256 of the inputs' contents (directories walked recursively,
// node_modules skipped), not of their mtimes: a checkout or `touch` that changes nothing
// rebuilds nothing. The stamp records it with a hash of the output file; a deleted or
// rewritten output (another build, a `rm -rf dist`) makes the step run again. The stamp is
// written only after the command succeeds, and removed before it runs.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function parse(argv) {
  const split = argv.indexOf('--');
  const own = split === -1 ? argv : argv.slice(0, split);
  const command = split === -1 ? [] : argv.slice(split + 1);
  const options = { name: '', output: '', inputs: [] };
  let current = '';
  for (const arg of own) {
    if (arg.startsWith('--')) current = arg.slice(2);
    else if (current === 'inputs') options.inputs.push(arg);
    else if (current === 'name' || current === 'output') options[current] = arg;
    else throw new Error(`unexpected argument ${arg}`);
  }
  if (!options.name || !options.output || options.inputs.length === 0 || command.length === 0) {
    throw new Error('usage: build-unless-unchanged.mjs --name NAME --output FILE --inputs PATH... -- COMMAND...');
  }
  return { ...options, command: command.join(' ') };
}

/** Every file under `entry` (or `entry` itself), sorted; a missing path is part of the fingerprint too. */
function files(entry) {
  let stat;
  try {
    stat = statSync(entry);
  } catch {
    return [{ file: entry, missing: true }];
  }
  if (!stat.isDirectory()) return [{ file: entry, missing: false }];
  return readdirSync(entry)
    .filter((name) => name !== 'node_modules')
    .sort()
    .flatMap((name) => files(path.join(entry, name)));
}

function fingerprint(inputs) {
  const hash = createHash('sha256');
  for (const { file, missing } of inputs.flatMap(files)) {
    hash.update(`${file}\0`);
    hash.update(missing ? '\0missing\0' : readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function hashOf(file) {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}

function readStamp(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const options = parse(process.argv.slice(2));
const stampFile = path.join('node_modules', '.cache', 'build-stamps', `${options.name}.json`);
const inputs = fingerprint(options.inputs);
const stamp = readStamp(stampFile);
const output = hashOf(options.output);
if (stamp && output && stamp.inputs === inputs && stamp.output === output) {
  process.stdout.write(`› ${options.name}: inputs unchanged since the last build, skipped\n`);
  process.exit(0);
}

rmSync(stampFile, { force: true });
const result = spawnSync(options.command, { shell: true, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
// Inputs are fingerprinted before the command: an edit made during the build rebuilds next time.
const built = hashOf(options.output);
if (built) {
  mkdirSync(path.dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, `${JSON.stringify({ inputs, output: built })}\n`);
}
