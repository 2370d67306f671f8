import { Logger } from '@nestjs/common';
import pg from 'pg';
import { freePort } from '../../../test/support/free-port.js';
import { ReplicaPool } from './replica-pool.js';

/**
 * The replica pool's routing against real servers: the run's database plays the primary and
 * the server's `postgres` database a replica (a different database, so each answer shows
 * where it came from). The streaming replica itself is in test/replica.
 */
describe('ReplicaPool', () => {
  const primaryUrl = process.env['DATABASE_URL']!;
  const standIn = Object.assign(new URL(primaryUrl), { pathname: '/postgres' }).toString();
  let primary: pg.Pool;
  const warn = Logger.prototype.warn;
  let warnings: number;

  beforeEach(() => {
    primary = new pg.Pool({ connectionString: primaryUrl, max: 2 });
    warnings = 0;
    Logger.prototype.warn = () => void warnings++;
  });
  afterEach(async () => {
    Logger.prototype.warn = warn;
    await primary.end();
  });

  const database = async (pool: pg.Pool): Promise<string> =>
    (await pool.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!.db;

  it('sends queries to the replica and transactions to the primary', async () => {
    const pool = new ReplicaPool([standIn], primary, 2, 30);
    try {
      expect(await database(pool)).toBe('postgres');
      const client = await pool.connect();
      try {
        const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
        expect(rows[0]!.db).toBe(new URL(primaryUrl).pathname.slice(1));
      } finally {
        client.release();
      }
    } finally {
      await pool.end();
    }
  });

  it('answers from the primary while the replica is unreachable, and says so once', async () => {
    const closed = `postgresql://postgres@127.0.0.1:${await freePort()}/postgres`;
    const pool = new ReplicaPool([closed], primary, 2, 30);
    try {
      const primaryName = new URL(primaryUrl).pathname.slice(1);
      expect(await database(pool)).toBe(primaryName);
      expect(await database(pool)).toBe(primaryName);
      expect(warnings).toBe(1);
      expect(await pool.states()).toEqual([
        { name: expect.stringMatching(/^127\.0\.0\.1:\d+\/postgres$/), reachable: false, lagSeconds: null },
      ]);
    } finally {
      await pool.end();
    }
  });

  it('throws a statement error as is instead of trying the primary', async () => {
    await primary.query('CREATE TABLE IF NOT EXISTS only_on_primary (n int)');
    const pool = new ReplicaPool([standIn], primary, 2, 30);
    try {
      await expect(pool.query('SELECT n FROM only_on_primary')).rejects.toMatchObject({ code: '42P01' });
      expect(warnings).toBe(0);
    } finally {
      await pool.end();
      await primary.query('DROP TABLE only_on_primary');
    }
  });
});
