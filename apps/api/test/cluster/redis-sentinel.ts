/**
 * A real Redis primary with one replica under three Sentinels, on loopback, for the Sentinel
 * spec: redis-server processes (`--sentinel` for the Sentinels) in a temporary directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { eventually } from '../support/eventually.js';
import { freePort } from '../support/free-port.js';

interface ServerProcess {
  port: number;
  process: ChildProcess;
}

/** The name the Sentinels monitor the primary by (REDIS_SENTINEL_NAME). */
export const SENTINEL_NAME = 'marginalia-spec';

export class LocalRedisSentinel {
  private constructor(
    private readonly servers: ServerProcess[],
    private readonly sentinels: ServerProcess[],
    private readonly dir: string,
  ) {}

  /** REDIS_SENTINELS for the application. */
  get seeds(): string {
    return this.sentinels.map((s) => `127.0.0.1:${s.port}`).join(',');
  }

  static async start(): Promise<LocalRedisSentinel> {
    const dir = await mkdtemp(path.join(tmpdir(), 'marginalia-sentinel-'));
    const server = (port: number, extra: string[] = []): ServerProcess => ({
      port,
      process: spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, ...extra],
        { stdio: 'ignore' },
      ),
    });
    const primaryPort = await freePort();
    const servers = [server(primaryPort)];
    servers.push(server(await freePort(), ['--replicaof', '127.0.0.1', String(primaryPort)]));
    const sentinels: ServerProcess[] = [];
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      // A Sentinel rewrites its configuration file as it learns the set-up: one file each.
      const file = path.join(dir, `sentinel-${port}.conf`);
      await writeFile(
        file,
        [
          `port ${port}`,
          'bind 127.0.0.1',
          `dir ${dir}`,
          `sentinel monitor ${SENTINEL_NAME} 127.0.0.1 ${primaryPort} 2`,
          `sentinel down-after-milliseconds ${SENTINEL_NAME} 1000`,
          `sentinel failover-timeout ${SENTINEL_NAME} 10000`,
          '',
        ].join('\n'),
      );
      sentinels.push({ port, process: spawn('redis-server', [file, '--sentinel'], { stdio: 'ignore' }) });
    }
    const set = new LocalRedisSentinel(servers, sentinels, dir);
    try {
      // Ready when every Sentinel knows the primary, the replica and the other Sentinels.
      await eventually(
        async () => {
          for (const sentinel of sentinels) {
            const replicas = (await set.ask(sentinel.port, 'REPLICAS', SENTINEL_NAME)) as string[][];
            const others = (await set.ask(sentinel.port, 'SENTINELS', SENTINEL_NAME)) as string[][];
            // Each is a flat list of names and values; `flags` is "slave" for one that is up.
            const replicaUp = replicas.some((fields) => fields[fields.indexOf('flags') + 1] === 'slave');
            if (!replicaUp || others.length < 2) return false;
          }
          return true;
        },
        { what: 'three Sentinels that know the primary, its replica and each other', timeoutMs: 30_000 },
      );
    } catch (error) {
      await set.stop();
      throw error;
    }
    return set;
  }

  /** The port of the primary, as the Sentinels report it now. */
  async primaryPort(): Promise<number> {
    const [, port] = (await this.ask(this.sentinels[0]!.port, 'GET-MASTER-ADDR-BY-NAME', SENTINEL_NAME)) as [
      string,
      string,
    ];
    return Number(port);
  }

  /**
   * Kills the primary (SIGKILL) and has a Sentinel promote the replica at once (SENTINEL
   * FAILOVER), as an operator would; waiting for the Sentinels' own vote would make the test's
   * length depend on the machine's load. Resolves with the new primary's port once it is one.
   */
  async failOver(): Promise<number> {
    const old = await this.primaryPort();
    this.servers.find((s) => s.port === old)!.process.kill('SIGKILL');
    const promoted = this.servers.find((s) => s.port !== old)!.port;
    await eventually(
      async () => {
        await this.ask(this.sentinels[0]!.port, 'FAILOVER', SENTINEL_NAME).catch(() => undefined);
        return (await this.primaryPort()) === promoted && (await this.role(promoted)) === 'master';
      },
      { what: `the replica on ${promoted} promoted`, timeoutMs: 30_000, intervalMs: 500 },
    );
    return promoted;
  }

  async stop(): Promise<void> {
    for (const s of [...this.sentinels, ...this.servers]) s.process.kill('SIGKILL');
    await rm(this.dir, { recursive: true, force: true });
  }

  private async role(port: number): Promise<string> {
    return this.command(port, async (client) => ((await client.call('ROLE')) as [string])[0]);
  }

  private async ask(port: number, ...args: string[]): Promise<unknown> {
    return this.command(port, (client) => client.call('SENTINEL', ...args));
  }

  private async command<T>(port: number, run: (client: Redis) => Promise<T>): Promise<T> {
    const client = new Redis(port, '127.0.0.1', { lazyConnect: true, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return await run(client);
    } finally {
      client.disconnect();
    }
  }
}
