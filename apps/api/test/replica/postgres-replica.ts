/**
 * A throwaway PostgreSQL primary with one streaming replica on loopback, for the replica
 * specs: `initdb` into a temporary directory, `pg_basebackup -R` into a second one, each
 * server on a free port. As root the servers run as the `postgres` user (PostgreSQL refuses
 * to run as root).
 */
import { execFile } from 'node:child_process';
import { appendFile, chmod, chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../support/free-port.js';

const exec = promisify(execFile);

/** The newest PostgreSQL's binaries (PG_BIN overrides): Debian's layout, else the PATH. */
async function binDir(): Promise<string> {
  if (process.env['PG_BIN']) return process.env['PG_BIN'];
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? (await readdir(root)).filter((v) => /^\d+$/.test(v)) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest ? path.join(root, newest, 'bin') : '';
}

export class LocalPostgresReplica {
  private constructor(
    private readonly dir: string,
    private readonly bin: string,
    readonly primaryPort: number,
    readonly replicaPort: number,
  ) {}

  /** A URL of database `name` on the primary. */
  primaryUrl(name: string): string {
    return `postgresql://postgres@127.0.0.1:${this.primaryPort}/${name}`;
  }

  /** A URL of database `name` on the replica. */
  replicaUrl(name: string): string {
    return `postgresql://postgres@127.0.0.1:${this.replicaPort}/${name}`;
  }

  static async start(): Promise<LocalPostgresReplica> {
    // As root, in /tmp: the postgres user must reach the directory, and root's TMPDIR may be private.
    const dir = await mkdtemp(path.join(userInfo().uid === 0 ? '/tmp' : tmpdir(), 'marginalia-replica-'));
    const cluster = new LocalPostgresReplica(dir, await binDir(), await freePort(), await freePort());
    try {
      await cluster.create();
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  private async create(): Promise<void> {
    if (userInfo().uid === 0) {
      const { stdout } = await exec('id', ['-u', 'postgres']);
      const { stdout: gid } = await exec('id', ['-g', 'postgres']);
      await chown(this.dir, Number(stdout.trim()), Number(gid.trim()));
    }
    await chmod(this.dir, 0o700);
    const primary = path.join(this.dir, 'primary');
    const replica = path.join(this.dir, 'replica');
    // No locale: whatever LANG the machine has, initdb needs nothing installed for it.
    await this.run('initdb', [
      '-D',
      primary,
      '-U',
      'postgres',
      '-A',
      'trust',
      '--no-sync',
      '-E',
      'UTF8',
      '--no-locale',
    ]);
    // Durability is not what these tests are about: no fsync keeps the start cheap.
    await appendFile(
      path.join(primary, 'postgresql.conf'),
      [
        `port = ${this.primaryPort}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${this.dir}'`,
        'wal_level = replica',
        'max_wal_senders = 4',
        'hot_standby = on',
        'fsync = off',
        'full_page_writes = off',
        'max_connections = 60',
        'shared_buffers = 32MB',
        '',
      ].join('\n'),
    );
    await appendFile(path.join(primary, 'pg_hba.conf'), 'host replication all 127.0.0.1/32 trust\n');
    await this.ctl(primary, 'start');
    await this.run('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(this.primaryPort),
      '-U',
      'postgres',
      '-D',
      replica,
      '-R',
      '-X',
      'stream',
      '--no-sync',
    ]);
    // The copy carries the primary's settings; it differs only in its port.
    await appendFile(path.join(replica, 'postgresql.conf'), `port = ${this.replicaPort}\n`);
    await this.ctl(replica, 'start');
  }

  /** Creates a database on the primary (the replica gets it by replication). */
  async createDatabase(name: string): Promise<void> {
    await this.sql(this.primaryUrl('postgres'), `CREATE DATABASE "${name}"`);
  }

  /** Stops applying what the primary sends (it is still received): the replica's data stands still. */
  async pauseReplay(): Promise<void> {
    await this.sql(this.replicaUrl('postgres'), 'SELECT pg_wal_replay_pause()');
  }

  async resumeReplay(): Promise<void> {
    await this.sql(this.replicaUrl('postgres'), 'SELECT pg_wal_replay_resume()');
  }

  /** Application names of the client connections the replica serves now. */
  async replicaClients(database: string): Promise<string[]> {
    const rows = await this.sql<{ application_name: string }>(
      this.replicaUrl('postgres'),
      `SELECT application_name FROM pg_stat_activity WHERE datname = '${database}' AND pid <> pg_backend_pid()`,
    );
    return rows.map((r) => r.application_name);
  }

  /** Whether the replica has the comment `id` (read directly, not through the application). */
  async onReplica(database: string, id: string): Promise<boolean> {
    const rows = await this.sql(this.replicaUrl(database), `SELECT 1 FROM "Comment" WHERE id = '${id}'`);
    return rows.length > 0;
  }

  async stopReplica(): Promise<void> {
    await this.ctl(path.join(this.dir, 'replica'), 'stop');
  }

  async startReplica(): Promise<void> {
    await this.ctl(path.join(this.dir, 'replica'), 'start');
  }

  /** Stops both servers (immediately: nothing to keep) and removes their directories. */
  async stop(): Promise<void> {
    for (const name of ['replica', 'primary']) {
      const data = path.join(this.dir, name);
      if (existsSync(path.join(data, 'postmaster.pid'))) {
        await this.run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      }
    }
    await rm(this.dir, { recursive: true, force: true });
  }

  private async sql<Row extends pg.QueryResultRow>(url: string, text: string): Promise<Row[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<Row>(text)).rows;
    } finally {
      await client.end();
    }
  }

  private async ctl(data: string, action: 'start' | 'stop'): Promise<void> {
    const log = path.join(this.dir, `${path.basename(data)}.log`);
    const args =
      action === 'start'
        ? ['-D', data, '-l', log, '-w', '-t', '60', 'start']
        : ['-D', data, '-m', 'fast', '-w', 'stop'];
    await this.run('pg_ctl', args);
  }

  /** Runs a PostgreSQL program, as `postgres` when this process is root. */
  private async run(program: string, args: string[]): Promise<void> {
    const file = this.bin ? path.join(this.bin, program) : program;
    const [command, argv] = userInfo().uid === 0 ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
    try {
      await exec(command, argv, { cwd: this.dir, timeout: 120_000 });
    } catch (error) {
      const { stderr, stdout } = error as { stderr?: string; stdout?: string };
      throw new Error(`${program} failed: ${stderr || stdout || (error as Error).message}`, { cause: error });
    }
  }
}
