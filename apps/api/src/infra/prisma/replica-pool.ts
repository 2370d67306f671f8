import { Logger } from '@nestjs/common';
import pg from 'pg';

/** How long a replica that failed is left alone before reads try it again. */
export const REPLICA_RETRY_MS = 5000;
/** A replica that does not accept a connection in this time counts as down (the primary answers instead). */
const CONNECT_TIMEOUT_MS = 2000;
/** How often a replica in use is asked how far behind it is (one statement, off the request's path). */
export const LAG_CHECK_MS = 1000;

interface Replica {
  /** host:port/database, for logs and /health (never the password). */
  name: string;
  pool: pg.Pool;
  /** Until when reads skip it (0: in service). */
  downUntil: number;
  /** Whether its last measured lag was above the limit: reads skip it until it catches up. */
  behind: boolean;
  lagCheckedAt: number;
  checkingLag: boolean;
}

export interface ReplicaState {
  name: string;
  reachable: boolean;
  /** Seconds between the last transaction replayed and now, 0 when nothing waits to be replayed; null when unknown. */
  lagSeconds: number | null;
}

/**
 * A `pg` pool that sends each query to a read replica (round robin over those in service)
 * and, when the replica cannot answer (down, refusing connections, a conflict with
 * recovery), sends it to the primary instead: a replica never fails a read. A replica more
 * than `maxLagSeconds` behind is skipped until it catches up (measured at most once a second
 * while it is used), so a replica whose replay is stuck does not serve old data for long.
 * Transactions (`connect()`) always go to the primary. A pg.Pool itself because
 * @prisma/adapter-pg only takes a pool that is one.
 */
export class ReplicaPool extends pg.Pool {
  private readonly logger = new Logger('ReplicaPool');
  private readonly replicas: Replica[];
  private next = 0;

  constructor(
    urls: readonly string[],
    private readonly primary: pg.Pool,
    size: number,
    private readonly maxLagSeconds: number,
  ) {
    super({ max: 1 });
    this.replicas = urls.map((url) => {
      const pool = new pg.Pool({
        connectionString: url,
        max: size,
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
        application_name: 'marginalia-replica-reads',
      });
      const parsed = new URL(url);
      const replica: Replica = {
        name: `${parsed.host}${parsed.pathname}`,
        pool,
        downUntil: 0,
        behind: false,
        lagCheckedAt: 0,
        checkingLag: false,
      };
      pool.on('error', (error) => this.markDown(replica, error));
      return replica;
    });
    // Assigned rather than overridden: pg.Pool's query has a dozen overloads, this serves the
    // promise form, the only one Prisma's adapter and PrismaService.run use.
    this.query = ((config: pg.QueryConfig) => this.route(config)) as pg.Pool['query'];
    this.connect = (() => this.primary.connect()) as pg.Pool['connect'];
  }

  private async route(config: pg.QueryConfig): Promise<pg.QueryResult> {
    const replica = this.pick();
    if (replica) {
      try {
        return await replica.pool.query(config);
      } catch (error) {
        if (!replicaCouldNotAnswer(error)) throw error;
        if (isConnectionFailure(error)) this.markDown(replica, error);
      }
    }
    return this.primary.query(config);
  }

  private pick(): Replica | null {
    const now = Date.now();
    for (let i = 0; i < this.replicas.length; i++) {
      const replica = this.replicas[(this.next + i) % this.replicas.length]!;
      if (replica.downUntil > now) continue;
      if (replica.downUntil !== 0) {
        replica.downUntil = 0;
        this.logger.log(`read replica ${replica.name}: trying again`);
      }
      if (now - replica.lagCheckedAt >= LAG_CHECK_MS) void this.checkLag(replica, now);
      if (replica.behind) continue;
      this.next = (this.next + i + 1) % this.replicas.length;
      return replica;
    }
    return null;
  }

  private async checkLag(replica: Replica, now: number): Promise<void> {
    if (replica.checkingLag) return;
    replica.checkingLag = true;
    replica.lagCheckedAt = now;
    try {
      const { rows } = await replica.pool.query<{ lag: number | null }>(REPLICA_LAG_SQL);
      const behind = (rows[0]?.lag ?? 0) > this.maxLagSeconds;
      if (behind !== replica.behind) {
        const lag = (rows[0]?.lag ?? 0).toFixed(1);
        if (behind) this.logger.warn(`read replica ${replica.name} is ${lag} s behind; its reads go to the primary`);
        else this.logger.log(`read replica ${replica.name} caught up (${lag} s behind)`);
      }
      replica.behind = behind;
    } catch (error) {
      if (isConnectionFailure(error)) this.markDown(replica, error);
    } finally {
      replica.checkingLag = false;
    }
  }

  /** Logged once per outage: the first failure, not every read that falls back. */
  private markDown(replica: Replica, error: unknown): void {
    if (replica.downUntil === 0) {
      this.logger.warn(
        { err: error },
        `read replica ${replica.name} failed; its reads go to the primary for ${REPLICA_RETRY_MS} ms`,
      );
    }
    replica.downUntil = Date.now() + REPLICA_RETRY_MS;
  }

  /** Each replica's state as it answers now (for /health). */
  async states(): Promise<ReplicaState[]> {
    return Promise.all(
      this.replicas.map(async ({ name, pool }) => {
        try {
          const { rows } = await pool.query<{ lag: number | null }>(REPLICA_LAG_SQL);
          return { name, reachable: true, lagSeconds: rows[0]?.lag ?? null };
        } catch {
          return { name, reachable: false, lagSeconds: null };
        }
      }),
    );
  }

  override async end(): Promise<void> {
    await Promise.all(this.replicas.map(({ pool }) => (pool.ending ? undefined : pool.end())));
    await super.end();
  }
}

/**
 * Zero while the replica has replayed all it received (an idle primary sends nothing, and the
 * time since the last replayed transaction would grow without meaning anything).
 */
const REPLICA_LAG_SQL = `SELECT CASE
    WHEN NOT pg_is_in_recovery() THEN NULL
    WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
    ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8
  END AS lag`;

const sqlState = (error: unknown): string | null => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
};

/** No connection (a socket error has no SQLSTATE), class 08 (connection), or shut down / starting up. */
function isConnectionFailure(error: unknown): boolean {
  const code = sqlState(error);
  return code === null || code.startsWith('08') || /^57P0[1-4]$/.test(code);
}

/**
 * Failures of the replica rather than of the statement: those, and a statement cancelled by a
 * conflict with recovery (40001 on a standby). The primary answers them; a statement error
 * (bad input) would fail there too and is thrown as is.
 */
function replicaCouldNotAnswer(error: unknown): boolean {
  return isConnectionFailure(error) || sqlState(error) === '40001';
}
