/**
 * What every API benchmark shares: a throwaway database (created, migrated, dropped) and
 * Redis prefix (deleted), API and worker child processes started with a ready handshake
 * and stopped, statistics helpers, a description of the machine, and the JSON result that
 * `pnpm bench` (scripts/bench.mjs) turns into docs/benchmarks.md.
 */
import { JwtService } from '@nestjs/jwt';
import { Redis } from 'ioredis';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrate } from '../../src/infra/prisma/migrate.js';
import { deleteKeysWithPrefix } from '../../src/infra/redis/delete-prefix.js';
import { eventually } from '../support/eventually.js';

// ---------------------------------------------------------------- statistics

export const sorted = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);

export function median(xs: readonly number[]): number {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Nearest-rank percentile, q in [0, 1]. */
export function percentile(xs: readonly number[], q: number): number {
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
}

export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Runs `run` three times to warm up, then `repeats` times; the durations of those, in ms. */
export async function timedRuns(run: () => Promise<unknown>, repeats: number): Promise<number[]> {
  for (let i = 0; i < 3; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  return samples;
}

/**
 * Runs `a` and `b` in turn (three warm-ups each, then `repeats` of each): on a shared machine
 * both meet the same moments of load, so their ratio is steadier than that of two series run
 * one after the other. The durations of each, in ms.
 */
export async function pairedRuns(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  repeats: number,
): Promise<[number[], number[]]> {
  for (let i = 0; i < 3; i++) {
    await a();
    await b();
  }
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < repeats; i++) {
    for (const [run, into] of [
      [a, samples[0]],
      [b, samples[1]],
    ] as const) {
      const t0 = performance.now();
      await run();
      into.push(performance.now() - t0);
    }
  }
  return samples;
}

export interface Spread {
  min: number;
  max: number;
}

export const spreadOf = (xs: readonly number[]): Spread => ({ min: Math.min(...xs), max: Math.max(...xs) });

/** (max − min) / mean, as a percentage: how much repeats of one figure disagree. */
export const spreadPercent = (xs: readonly number[]): number =>
  xs.length < 2 ? 0 : ((Math.max(...xs) - Math.min(...xs)) / mean(xs)) * 100;

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls until `done()` or the deadline (with the tests' one polling helper); true when it became done. */
export async function waitFor(
  done: () => boolean | Promise<boolean>,
  timeoutMs: number,
  everyMs = 50,
): Promise<boolean> {
  return eventually(done, { timeoutMs, intervalMs: everyMs }).then(
    () => true,
    () => false,
  );
}

const WORDS = (
  'margin reader author passage argument evidence history library chapter footnote quote river mountain ' +
  'garden winter summer theory practice method question answer premise doubt memory letter archive ' +
  'journey harbour lantern orchard meadow violin canvas pigment engine signal bridge tunnel compass ' +
  'weather season harvest kitchen recipe pattern rhythm melody chorus verse sonnet essay novel'
).split(' ');

/**
 * A comment body unlike its author's others (the pipeline holds near-repeats): seeded
 * random words, the same for the same `i`.
 */
export function commentBody(i: number, label = 'Comment'): string {
  let state = (i + 1) * 2654435761;
  const next = (): number => {
    state = (Math.imul(state ^ (state >>> 15), 2246822519) + 0x9e3779b9) >>> 0;
    return state;
  };
  return `${label} ${i}: ${Array.from({ length: 12 }, () => WORDS[next() % WORDS.length]).join(' ')}.`;
}

// ---------------------------------------------------------------- machine

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  platform: string;
  loadStart: number[];
  loadEnd?: number[];
}

export function describeMachine(): Machine {
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

export const machineLine = (m: Machine): string =>
  `${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, Node ${m.node}; load average ${m.loadStart
    .map((x) => x.toFixed(2))
    .join(' ')}${m.loadEnd ? ` → ${m.loadEnd.map((x) => x.toFixed(2)).join(' ')}` : ''}`;

/** Resident set size of a process in bytes (Linux /proc), or NaN when it cannot be read. */
export function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * CPU time (user + system) a process has used so far, in ms (Linux /proc), or NaN. CPU per
 * unit of work is steadier than wall-clock time on a shared machine.
 */
export function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
/**
 * CPU time (user + system, ms) used so far by each process whose command name is one of
 * `names` (all of PostgreSQL's processes, Redis), by name and process id, from /proc. Compare two
 * readings with cpuMsSince: a process that exits between them takes its time with it, so read
 * around work on pooled connections.
 */
export function cpuMsByCommand(names: readonly string[]): Map<string, Map<number, number>> {
  const byName = new Map(names.map((name) => [name, new Map<number, number>()]));
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const pids = byName.get(stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
      if (!pids) continue;
      const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      pids.set(Number(entry), ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS);
    } catch {
      // gone since the listing
    }
  }
  return byName;
}
/** CPU ms the processes of one cpuMsByCommand name used between two readings (new processes count whole). */
export function cpuMsSince(before: Map<number, number> | undefined, after: Map<number, number> | undefined): number {
  let total = 0;
  for (const [pid, ms] of after ?? []) total += ms - (before?.get(pid) ?? 0);
  return total;
}
/**
 * CPU time the whole machine spent busy (every core, every process: the database and Redis
 * too) since boot, from /proc/stat; NaN where there is none.
 */
export function machineBusyMs(): number {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: all but idle and iowait.
    const busy = fields.slice(0, 8).reduce((sum, n, i) => (i === 3 || i === 4 ? sum : sum + n), 0);
    return (busy * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
/** USER_HZ: /proc reports CPU time in these ticks; 100 on every Linux this runs on. */
const CLOCK_TICKS = 100;

// ---------------------------------------------------------------- results

/** One figure of a benchmark, as scripts/bench.mjs renders it into docs/benchmarks.md. */
export interface Figure {
  name: string;
  unit: string;
  median: number;
  /** Over the repeats of this run (null when measured once). */
  spread: Spread | null;
  /** The same-run figure this one is compared with. */
  baseline: { name: string; median: number } | null;
  ratio: number | null;
  /** Human-readable target, e.g. "≥ 0.5× baseline"; null when the figure is for information. */
  target: string | null;
  pass: boolean | null;
}

export interface BenchResultJson {
  bench: string;
  title: string;
  startedAt: string;
  finishedAt: string;
  seconds: number;
  machine: Machine;
  /** What was measured, with which settings (one line each). */
  setup: string[];
  figures: Figure[];
  notes: string[];
  pass: boolean;
}

/**
 * Collects a benchmark's figures and writes them as JSON to BENCH_RESULT_FILE (set by
 * scripts/bench.mjs), or to <tmpdir>/marginalia-bench/<bench>.json when run on its own.
 */
export class BenchResult {
  private readonly started = new Date();
  readonly machine = describeMachine();
  readonly setup: string[] = [];
  readonly figures: Figure[] = [];
  readonly notes: string[] = [];

  constructor(
    readonly bench: string,
    readonly title: string,
  ) {}

  figure(f: Partial<Figure> & Pick<Figure, 'name' | 'unit' | 'median'>): Figure {
    const figure: Figure = {
      spread: null,
      baseline: null,
      ratio: f.baseline ? f.median / f.baseline.median : null,
      target: null,
      pass: null,
      ...f,
    };
    this.figures.push(figure);
    return figure;
  }

  /** A figure measured over repeats: median and min/max of `samples`. */
  repeated(name: string, unit: string, samples: number[], extra: Partial<Figure> = {}): Figure {
    return this.figure({ name, unit, median: median(samples), spread: spreadOf(samples), ...extra });
  }

  get pass(): boolean {
    return this.figures.every((f) => f.pass !== false);
  }

  write(): string {
    const finished = new Date();
    const json: BenchResultJson = {
      bench: this.bench,
      title: this.title,
      startedAt: this.started.toISOString(),
      finishedAt: finished.toISOString(),
      seconds: Math.round((finished.getTime() - this.started.getTime()) / 1000),
      machine: { ...this.machine, loadEnd: os.loadavg().map((x) => Math.round(x * 100) / 100) },
      setup: this.setup,
      figures: this.figures,
      notes: this.notes,
      pass: this.pass,
    };
    const file = process.env['BENCH_RESULT_FILE'] ?? path.join(os.tmpdir(), 'marginalia-bench', `${this.bench}.json`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
    return file;
  }
}

// ---------------------------------------------------------------- throwaway resources

export interface BenchEnv {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  jwtSecret: string;
  /** The environment for API and worker children. */
  env: NodeJS.ProcessEnv;
  /** Signs an access token for a user, as the API would after a login. */
  token(userId: string): Promise<string>;
  /** Drops the database and deletes the Redis prefix (BENCH_KEEP_DB keeps the database). */
  drop(): Promise<void>;
}

/** Creates and migrates `marginalia_bench_<bench>_<suffix>` and picks a Redis prefix. */
export async function createBenchEnv(bench: string): Promise<BenchEnv> {
  const base = new URL(
    process.env['BENCH_DATABASE_URL'] ?? process.env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
  );
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const name = `marginalia_bench_${bench}_${suffix}`;
  const adminUrl = new URL(base);
  adminUrl.pathname = '/postgres';
  const dbUrl = new URL(base);
  dbUrl.pathname = `/${name}`;
  const databaseUrl = dbUrl.toString();
  const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `mbench_${bench}_${suffix}`;
  const jwtSecret = randomBytes(32).toString('hex');
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const drop = async (): Promise<void> => {
    if (process.env['BENCH_KEEP_DB']) console.log(`kept database ${name}`);
    else await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    try {
      await deleteKeysWithPrefix(redis, redisPrefix);
    } finally {
      redis.disconnect();
    }
  };
  try {
    await migrate(databaseUrl);
  } catch (error) {
    await drop();
    throw error;
  }
  const jwt = new JwtService({ secret: jwtSecret });
  return {
    databaseUrl,
    redisUrl,
    redisPrefix,
    jwtSecret,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      NODE_ENV: 'production',
      DEMO_MODE: 'false',
      LOG_LEVEL: 'warn',
      JWT_SECRET: jwtSecret,
      WEB_DIST: '',
      // The benches read anonymously from one address at thousands of requests a second.
      ANONYMOUS_RATE_LIMIT: '100000000',
    },
    token: (sub) => jwt.signAsync({ sub, typ: 'access', ver: 0 }, { algorithm: 'HS256', expiresIn: 3600 }),
    drop,
  };
}

// ---------------------------------------------------------------- child processes

export type ChildMessage = { ready: string } | { error: string };

export interface Served {
  /** Sent to the parent in the ready message (e.g. the URL the child listens on). */
  ready: string;
  close: () => Promise<unknown>;
  /** Extra messages from the parent (anything but "stop"). */
  onMessage?: (message: string) => void;
}

/** The real API (createHttpApp, the production GraphQL setup) on a loopback port. */
export async function serveApi(): Promise<Served> {
  const { createHttpApp } = await import('../../src/http-app.js');
  const { loadConfig } = await import('../../src/infra/config/env.js');
  const app = await createHttpApp(loadConfig(process.env));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  return {
    ready: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () => app.close(),
  };
}

/** The real worker: the WorkerModule's BullMQ processors and outbox relay. */
export async function serveWorker(): Promise<Served> {
  const { NestFactory } = await import('@nestjs/core');
  const { WorkerModule } = await import('../../src/worker.module.js');
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  await app.init();
  return { ready: '', close: () => app.close() };
}

/** The child side of the handshake: start, report ready (or the error), stop on "stop". */
export function runChild(start: () => Promise<Served>): void {
  start().then(
    (served) => {
      process.on('message', (message: string) => {
        if (message === 'stop') void served.close().then(() => process.exit(0));
        else served.onMessage?.(message);
      });
      process.send!({ ready: served.ready });
    },
    (error: unknown) => {
      console.error(error);
      process.send?.({ error: String(error) });
      process.exit(1);
    },
  );
}

/** The role this process was forked to serve (`--serve <role>`), or null in the parent. */
export function servingRole(): string | null {
  const at = process.argv.indexOf('--serve');
  return at >= 0 ? (process.argv[at + 1] ?? null) : null;
}

export interface Child {
  role: string;
  child: ChildProcess;
  ready: string;
  pid: number;
}

/** Forks this script as `--serve <role>` and waits for its ready message. */
export function spawnChild(role: string, env: NodeJS.ProcessEnv): Promise<Child> {
  const child = fork(process.argv[1]!, ['--serve', role], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    const exited = (code: number | null): void => reject(new Error(`${role} exited with ${code}`));
    child.once('exit', exited);
    child.once('message', (message: ChildMessage) => {
      child.off('exit', exited);
      if ('ready' in message) resolve({ role, child, ready: message.ready, pid: child.pid! });
      else reject(new Error(`${role}: ${message.error}`));
    });
  });
}

/** Asks a child to close and waits for it to exit (killing it if it does not within 20 s). */
export async function stopChild({ child }: Pick<Child, 'child'>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send('stop');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

/** Sends a message to a child and waits for its next reply. */
export function ask<T>(child: ChildProcess, message: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (reply: T) => resolve(reply));
    child.send(message);
  });
}
