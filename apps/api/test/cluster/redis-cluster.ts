/**
 * A real Redis Cluster on loopback for the cluster specs: `primaries` primaries, each with one
 * replica, as redis-server processes in a temporary directory, joined by `redis-cli --cluster
 * create`.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { eventually } from '../support/eventually.js';
import { createServer } from 'node:net';

const run = promisify(execFile);

async function isFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A port for a cluster node: free, and so is its cluster bus port (the port + 10000, which must
 * also be a valid port — a kernel-chosen ephemeral port above 55535 is not usable).
 */
async function nodePort(taken: ReadonlySet<number>): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    if (taken.has(port) || taken.has(port + 10_000) || taken.has(port - 10_000)) continue;
    if ((await isFree(port)) && (await isFree(port + 10_000))) return port;
  }
  throw new Error('no free port pair for a cluster node');
}

export interface ClusterNodeProcess {
  port: number;
  process: ChildProcess;
}

export class LocalRedisCluster {
  private constructor(
    readonly nodes: ClusterNodeProcess[],
    private readonly dir: string,
  ) {}

  /** REDIS_CLUSTER_NODES for the application: every node (any one would do). */
  get seeds(): string {
    return this.nodes.map((n) => `127.0.0.1:${n.port}`).join(',');
  }

  static async start(primaries = 3): Promise<LocalRedisCluster> {
    const dir = await mkdtemp(path.join(tmpdir(), 'marginalia-cluster-'));
    const nodes: ClusterNodeProcess[] = [];
    const taken = new Set<number>();
    for (let i = 0; i < primaries * 2; i++) {
      const port = await nodePort(taken);
      taken.add(port);
      const child = spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          `nodes-${port}.conf`,
          '--cluster-node-timeout',
          '1000',
          '--save',
          '',
          '--appendonly',
          'no',
          '--dir',
          dir,
        ],
        { stdio: 'ignore' },
      );
      nodes.push({ port, process: child });
    }
    const cluster = new LocalRedisCluster(nodes, dir);
    try {
      for (const node of nodes)
        await eventually(() => cluster.ping(node.port), { what: `redis-server on ${node.port}` });
      await run('redis-cli', [
        '--cluster',
        'create',
        ...nodes.map((n) => `127.0.0.1:${n.port}`),
        '--cluster-replicas',
        '1',
        '--cluster-yes',
      ]);
      await eventually(async () => (await Promise.all(nodes.map((n) => cluster.stateOk(n.port)))).every(Boolean), {
        what: 'cluster_state:ok on every node',
        timeoutMs: 30_000,
      });
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  /** The port of the primary that serves `key`'s slot now. */
  async primaryOf(key: string): Promise<number> {
    const live = this.nodes.find((n) => !n.process.killed && n.process.exitCode === null)!;
    const client = new Redis(live.port, '127.0.0.1', { lazyConnect: true });
    try {
      await client.connect();
      const slot = (await client.call('CLUSTER', 'KEYSLOT', key)) as number;
      const ranges = (await client.call('CLUSTER', 'SLOTS')) as Array<[number, number, [string, number, string]]>;
      const range = ranges.find(([from, to]) => slot >= from && slot <= to);
      if (!range) throw new Error(`no node serves slot ${slot}`);
      return range[2][1];
    } finally {
      client.disconnect();
    }
  }

  /** Kills a node outright (SIGKILL). */
  kill(port: number): void {
    this.nodes.find((n) => n.port === port)?.process.kill('SIGKILL');
  }

  /**
   * Kills the primary on `port` and has its replica take over at once (CLUSTER FAILOVER
   * TAKEOVER), as an operator or orchestrator would; waiting for the cluster's own vote made the
   * test's length depend on the machine's load. Resolves with the new primary's port.
   */
  async failOver(port: number): Promise<number> {
    const replica = await this.replicaOf(port);
    this.kill(port);
    const client = new Redis(replica, '127.0.0.1', { lazyConnect: true });
    try {
      await client.connect();
      await client.call('CLUSTER', 'FAILOVER', 'TAKEOVER');
    } finally {
      client.disconnect();
    }
    return replica;
  }

  /** The port of the replica of the primary on `port`. */
  private async replicaOf(port: number): Promise<number> {
    const client = new Redis(port, '127.0.0.1', { lazyConnect: true });
    try {
      await client.connect();
      const lines = ((await client.call('CLUSTER', 'NODES')) as string).trim().split('\n');
      const fields = lines.map((line) => line.split(' '));
      const primary = fields.find((f) => f[1]!.startsWith(`127.0.0.1:${port}@`));
      const replica = fields.find((f) => f[2]!.includes('slave') && f[3] === primary?.[0]);
      if (!replica) throw new Error(`no replica of the primary on ${port}`);
      return Number(/:(\d+)@/.exec(replica[1]!)![1]);
    } finally {
      client.disconnect();
    }
  }

  async stop(): Promise<void> {
    for (const node of this.nodes) node.process.kill('SIGKILL');
    await rm(this.dir, { recursive: true, force: true });
  }

  private async ping(port: number): Promise<boolean> {
    const client = new Redis(port, '127.0.0.1', { lazyConnect: true, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  }

  private async stateOk(port: number): Promise<boolean> {
    const client = new Redis(port, '127.0.0.1', { lazyConnect: true, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return ((await client.call('CLUSTER', 'INFO')) as string).includes('cluster_state:ok');
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  }
}
