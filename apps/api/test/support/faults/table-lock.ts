import pg from 'pg';
import { eventually } from '../eventually.js';

/**
 * A write lock on one table, held in an open transaction until `release()`: the named
 * process's next write to it waits, so the spec knows that process holds work in flight
 * (a request, a job) at the moment it strikes.
 */
export class TableLock {
  /** How many of the named process's sessions were seen waiting when `hold` returned. */
  waiting = 0;

  private constructor(private readonly client: pg.Client) {}

  /** Locks `table` and waits until `waiters` sessions named `applicationName` are blocked on it. */
  static async hold(
    databaseUrl: string,
    table: string,
    applicationName: string,
    what: string,
    waiters = 1,
  ): Promise<TableLock> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const lock = new TableLock(client);
    try {
      await client.query('BEGIN');
      await client.query(`LOCK TABLE "${table}" IN SHARE ROW EXCLUSIVE MODE`);
      await lock.waitForWaiters(databaseUrl, applicationName, waiters, what);
      return lock;
    } catch (error) {
      await lock.close();
      throw error;
    }
  }

  /** Ends the named process's sessions, as its crash would (a waiting backend would otherwise finish its statement). */
  async terminate(applicationName: string): Promise<void> {
    await this.client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
      [applicationName],
    );
  }

  /** Lets the held writes go on. */
  async release(): Promise<void> {
    await this.client.query('COMMIT');
    await this.client.end();
  }

  /** For afterAll: drops the lock whatever state it is in. */
  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }

  /** Asked on another connection: inside the lock's transaction pg_stat_activity is a frozen snapshot. */
  private async waitForWaiters(databaseUrl: string, applicationName: string, waiters: number, what: string) {
    const watcher = new pg.Client({ connectionString: databaseUrl });
    await watcher.connect();
    try {
      await eventually(
        async () => {
          const { rows } = await watcher.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND application_name = $1 AND wait_event_type = 'Lock'`,
            [applicationName],
          );
          this.waiting = rows[0]?.n ?? 0;
          return this.waiting >= waiters;
        },
        { timeoutMs: 60_000, what: what },
      );
    } finally {
      await watcher.end();
    }
  }
}
