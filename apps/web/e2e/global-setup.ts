/**
 * Starts the real stack for the browser tests: builds the API and the web client, creates a
 * throwaway PostgreSQL database and Redis key prefix, migrates and seeds the demo content,
 * then runs the API (serving the built client) and the worker as child processes. Everything
 * is torn down afterwards: children stopped, database dropped, Redis keys deleted.
 *
 * E2E_SKIP_BUILD=1 reuses existing builds (handy while iterating on the tests), and
 * E2E_STACK_ROOT runs the API from another checkout's existing build (e.g. a snapshot of main)
 * instead of building this one's.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    workerPid: number;
    artifactsDir: string;
    /** The SDL the API under test wrote at start-up (development mode). */
    schemaFile: string;
    /** When the stack was started (ms since the epoch). */
    startedAt: number;
    /** The throwaway database, for specs that need more data than an API call can make. */
    databaseUrl: string;
  }
}

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rootDir = path.resolve(webDir, '../..');
const stackRoot = process.env.E2E_STACK_ROOT ? path.resolve(process.env.E2E_STACK_ROOT) : rootDir;
const apiDist = path.join(stackRoot, 'apps/api/dist');
export const artifactsDir = path.join(rootDir, 'test-artifacts');
const PG_BASE = process.env.E2E_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379';

function run(label: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): void {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${label} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`.slice(-6000));
  }
  console.log(`[e2e] ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the API exited with code ${child.exitCode}; see test-artifacts/e2e-logs`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the API did not become healthy within ${timeoutMs} ms`);
}

/** Resolves when the child prints a line matching `pattern`; rejects if it exits first. */
function waitForOutput(child: ChildProcess, pattern: RegExp, what: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => finish(new Error(`${what} did not start within ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-4000);
      if (pattern.test(seen)) finish();
    };
    const onExit = (code: number | null) =>
      finish(new Error(`${what} exited with code ${code}:\n${seen.slice(-1500)}\n(see test-artifacts/e2e-logs)`));
    function finish(error?: Error) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

function startProcess(name: string, script: string, env: NodeJS.ProcessEnv, logDir: string): ChildProcess {
  const log = createWriteStream(path.join(logDir, `${name}.log`));
  const child = spawn(process.execPath, [script], { cwd: stackRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGCONT'); // a test may have paused the worker
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
  await exited;
  clearTimeout(timer);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const database = `marginalia_e2e_${suffix}`;
  const redisPrefix = `me2e_${suffix}`;
  const logDir = path.join(artifactsDir, 'e2e-logs');
  mkdirSync(logDir, { recursive: true });

  if (process.env.E2E_SKIP_BUILD !== '1') {
    if (stackRoot === rootDir) {
      run('built the API and shared packages', 'pnpm', ['--filter', '@marginalia/api...', 'run', 'build'], rootDir);
    }
    run('built the web client', 'pnpm', ['run', 'build'], webDir);
  }

  const children: ChildProcess[] = [];
  let created = false;
  const teardown = async (): Promise<void> => {
    await Promise.all(children.map(stopProcess));
    if (created) {
      const admin = new pg.Client({ connectionString: PG_BASE });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    }
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 500);
        cursor = next;
        if (keys.length > 0) await redis.del(...keys);
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  };

  try {
    const admin = new pg.Client({ connectionString: PG_BASE });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    created = true;
    const dbUrl = new URL(PG_BASE);
    dbUrl.pathname = `/${database}`;

    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: dbUrl.toString(),
      REDIS_URL,
      REDIS_PREFIX: redisPrefix,
      DEMO_MODE: 'true',
      JWT_SECRET: randomBytes(32).toString('hex'),
      PORT: String(port),
      HOST: '127.0.0.1',
      // The address the browser uses: the session routes refuse pages of any other origin.
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      WEB_DIST: path.join(webDir, 'dist'),
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
      // Many sign-ins from one address in a few seconds are the tests, not an attack.
      LOGIN_RATE_LIMIT: '1000',
      REGISTER_RATE_LIMIT: '1000',
      // The browser tests and their setup read anonymously from one address, fast.
      ANONYMOUS_RATE_LIMIT: '100000',
      // The digest of what readers are saying is rebuilt half a second after a change, not a minute.
      DIGEST_DEBOUNCE_MS: '500',
    };
    run('migrated', process.execPath, [path.join(apiDist, 'cli/main.js'), 'migrate'], stackRoot, env);
    run('seeded the demo', process.execPath, [path.join(apiDist, 'cli/main.js'), 'seed:demo'], stackRoot, env);

    project.provide('startedAt', Date.now());
    const apiProcess = startProcess('api', path.join(apiDist, 'main.js'), env, logDir);
    children.push(apiProcess);
    // The worker logs at info level, to say when it is ready (its log is a file, not the console).
    const worker = startProcess('worker', path.join(apiDist, 'worker.js'), { ...env, LOG_LEVEL: 'info' }, logDir);
    children.push(worker);
    const workerReady = waitForOutput(worker, /worker started/, 'the worker', 60_000);
    const baseUrl = `http://127.0.0.1:${port}`;
    await Promise.all([waitForHealth(baseUrl, apiProcess, 60_000), workerReady]);
    console.log(`[e2e] API on ${baseUrl}, database ${database}, Redis prefix ${redisPrefix}`);

    project.provide('baseUrl', baseUrl);
    project.provide('databaseUrl', dbUrl.toString());
    project.provide('workerPid', worker.pid ?? 0);
    project.provide('artifactsDir', artifactsDir);
    project.provide('schemaFile', path.join(stackRoot, 'apps/api/schema.graphql'));
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
