// The one harness for tests that run whole processes: the real API (src/main.ts) and the real
// worker (src/worker.ts) as child processes, run from their TypeScript sources with their own
// environment, and a throwaway redis-server: for fault tests that signal, kill or cut off
// whole processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { eventually } from './eventually.js';
import { freePort } from './free-port.js';

export { freePort };

const here = path.dirname(fileURLToPath(import.meta.url));
const apiRoot = path.resolve(here, '../..');
const loader = path.join(here, 'register-ts.mjs');

/** Every process started here, so a spec's afterAll can end them all even after a failure. */
const started = new Set<Child>();
// And if the test process itself ends without its afterAll, none is left behind.
process.once('exit', () => {
  for (const child of started) child.process.kill('SIGKILL');
});

/** A child process whose output is kept (for failure messages and log assertions). */
export class Child {
  output = '';
  /** The exit code; -1 when a signal ended the process. */
  readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    readonly process: ChildProcess,
  ) {
    started.add(this);
    process.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    process.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) =>
      process.once('exit', (code, signal) => {
        started.delete(this);
        resolve(code ?? (signal ? -1 : null));
      }),
    );
  }

  get running(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** Sends the signal and waits for the process to end. */
  async stop(signal: NodeJS.Signals = 'SIGKILL'): Promise<number | null> {
    if (this.running) this.process.kill(signal);
    return this.exited;
  }

  /** JSON log lines (pino) of the process. */
  logs(): Array<Record<string, unknown>> {
    return this.output.split('\n').flatMap((line) => {
      if (!line.startsWith('{')) return [];
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }

  /** Waits until `check` holds on the output; fails with the output if the process exits or time runs out. */
  async waitFor(check: (output: string) => boolean, what: string, timeoutMs = 60_000): Promise<void> {
    await eventually(
      () => {
        if (!this.running) throw new Error(`${this.name} exited before ${what}:\n${this.tail()}`);
        return check(this.output);
      },
      { timeoutMs, intervalMs: 50, what: () => `${what} (${this.name}):\n${this.tail()}` },
    );
  }

  tail(chars = 4000): string {
    return this.output.slice(-chars);
  }
}

/** SIGKILLs every child still running (afterAll). */
export async function stopAll(): Promise<void> {
  await Promise.all([...started].map((child) => child.stop('SIGKILL')));
}

/** The database URL with an application_name, so a spec can find (and end) exactly that process's sessions. */
export function namedDatabaseUrl(url: string, applicationName: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}application_name=${applicationName}`;
}

function spawnTs(entry: string, env: Record<string, string>): ChildProcess {
  // Jest's --experimental-vm-modules is not for the child.
  const { NODE_OPTIONS: _jestOptions, ...inherited } = process.env;
  return spawn(process.execPath, ['--conditions=@marginalia/source', '--import', loader, entry], {
    cwd: apiRoot,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface ProcessEnv {
  DATABASE_URL: string;
  REDIS_URL: string;
  REDIS_PREFIX: string;
  [key: string]: string;
}

/** The real API process (src/main.ts) on a free loopback port, ready once /health answers 200. */
export class ApiChild extends Child {
  constructor(
    name: string,
    process: ChildProcess,
    readonly url: string,
    private readonly databaseUrl: string,
  ) {
    super(name, process);
  }

  static async start(name: string, env: ProcessEnv): Promise<ApiChild> {
    const port = await freePort();
    const process = spawnTs(path.join(apiRoot, 'src/main.ts'), {
      LOG_LEVEL: 'warn',
      ...env,
      DATABASE_URL: namedDatabaseUrl(env.DATABASE_URL, name),
      PORT: String(port),
      HOST: '127.0.0.1',
    });
    const api = new ApiChild(name, process, `http://127.0.0.1:${port}`, env.DATABASE_URL);
    await eventually(
      async () => {
        if (!api.running) throw new Error(`${name} exited while starting:\n${api.tail()}`);
        return (await api.health().catch(() => 0)) === 200;
      },
      { timeoutMs: 90_000, intervalMs: 100, what: () => `${name} to become healthy:\n${api.tail()}` },
    );
    return api;
  }

  /** Status of GET /health (0 when the connection fails). */
  async health(): Promise<number> {
    return (await request(`${this.url}/health`, 'GET')).status;
  }

  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GqlAnswer<T>> {
    return gqlRequest<T>(this.url, query, variables, token);
  }

  /** Registers a fresh reader through the API. */
  async register(): Promise<{ token: string; userId: string }> {
    const n = Math.random().toString(36).slice(2, 10);
    const res = await this.gql<{ register: { accessToken: string; user: { id: string } } }>(
      'mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }',
      {
        input: {
          email: `fault_${n}@example.test`,
          handle: `fault_${n}`,
          password: 'correct horse battery',
          displayName: `F ${n}`,
        },
      },
    );
    if (!res.data?.register) throw new Error(`register failed: ${res.status} ${res.text}`);
    // As if the mailed link had been followed: commenting needs a verified address.
    const db = new pg.Client({ connectionString: this.databaseUrl });
    await db.connect();
    try {
      await db.query('UPDATE "User" SET "emailVerifiedAt" = now() WHERE id = $1::uuid', [res.data.register.user.id]);
    } finally {
      await db.end();
    }
    return { token: res.data.register.accessToken, userId: res.data.register.user.id };
  }
}

/** The real worker process (src/worker.ts), ready once it logged that it started. */
export class WorkerChild extends Child {
  static async start(name: string, env: ProcessEnv): Promise<WorkerChild> {
    const process = spawnTs(path.join(apiRoot, 'src/worker.ts'), {
      // Debug: the worker logs each decision it applies ("moderated", with the comment id).
      LOG_LEVEL: 'debug',
      ...env,
      DATABASE_URL: namedDatabaseUrl(env.DATABASE_URL, name),
    });
    const worker = new WorkerChild(name, process);
    await worker.waitFor((out) => out.includes('"worker started"'), 'the worker to start', 90_000);
    return worker;
  }

  /** Ids of the comments whose decision this worker applied, from its log. */
  moderated(): string[] {
    return this.logs()
      .filter((line) => line['msg'] === 'moderated')
      .map((line) => String(line['commentId']));
  }
}

/** A redis-server of the test's own, on a free port, without persistence, in a temporary directory. */
export class RedisServer {
  private child?: Child;

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await freePort(), mkdtempSync(path.join(tmpdir(), 'marginalia-redis-')));
    await server.resume();
    return server;
  }

  /** Starts (again) on the same port. */
  async resume(): Promise<void> {
    const child = new Child(
      'redis-server',
      spawn(
        'redis-server',
        ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      ),
    );
    this.child = child;
    await child.waitFor((out) => out.includes('Ready to accept connections'), 'redis-server to start', 20_000);
  }

  /** Kills the server outright (its data is gone: nothing is persisted). */
  async kill(): Promise<void> {
    await this.child?.stop('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface GqlAnswer<T> {
  /** HTTP status; 0 when no answer came (connection refused or reset). */
  status: number;
  /** The network error's code when there was no answer (ECONNREFUSED, ECONNRESET, ...). */
  networkError?: string;
  text: string;
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** One HTTP request on a fresh connection (no keep-alive), so a refused connection is told apart from an answer. */
export function request(
  url: string,
  method: 'GET' | 'POST',
  body?: string,
  headers: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<{ status: number; text: string; networkError?: string }> {
  return new Promise((resolve) => {
    const req = http.request(
      url,
      { method, agent: false, headers: { ...headers, connection: 'close' }, timeout: timeoutMs },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', (error: NodeJS.ErrnoException) =>
          resolve({ status: 0, text, networkError: error.code ?? error.message }),
        );
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ status: 0, text: '', networkError: error.code ?? error.message }),
    );
    req.end(body);
  });
}

export async function gqlRequest<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GqlAnswer<T>> {
  const res = await request(`${url}/graphql`, 'POST', JSON.stringify({ query, variables }), {
    'content-type': 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  });
  let parsed: Pick<GqlAnswer<T>, 'data' | 'errors'> = {};
  try {
    parsed = JSON.parse(res.text) as typeof parsed;
  } catch {
    // Not JSON: kept as text for the assertion message.
  }
  return { ...res, ...parsed };
}
