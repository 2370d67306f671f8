import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../generated/prisma/client.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import { declaredStatements, type Prepared } from './prepared.js';

/**
 * The one entry point to PostgreSQL: Prisma's client over a `pg` pool, and the same pool for
 * the few named statements of the hot paths (`run`).
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PrismaService.name);
  private readonly pool: pg.Pool;
  private readonly size: number;
  private readonly warmOnBoot: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Connections stay open once made (min = max): a new PostgreSQL backend starts with cold
    // caches and plans its statements afresh, which showed as a burst of slow first requests
    // after every lull when idle connections were closed after 10 s.
    const size = config.DATABASE_POOL_SIZE;
    const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: size, min: size });
    super({ adapter: new PrismaPg(pool) });
    // An idle connection that breaks (a database restart) is dropped and replaced on demand;
    // unheard, the pool's error event would end the process.
    pool.on('error', (error) => this.logger.warn({ err: error }, 'an idle database connection failed'));
    this.pool = pool;
    this.size = size;
    // Tests start many applications side by side: they open connections as they need them.
    this.warmOnBoot = config.NODE_ENV !== 'test';
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.warmOnBoot) await this.warm();
  }

  /**
   * Opens every connection of the pool and runs each declared statement on it once, with
   * values that touch nothing: the first comments after a start (or a burst that needs more
   * connections than a quiet time did) otherwise wait for new PostgreSQL backends to start
   * and plan with cold caches (measured: a moderation job's p99 at 200/s after a lull was
   * 100–220 ms instead of 20–40 ms). Best effort: a failure is logged, the connection it
   * happened on is dropped, and the pool fills on demand as before.
   */
  async warm(): Promise<void> {
    const statements = declaredStatements();
    const clients: pg.PoolClient[] = [];
    let failed: unknown;
    try {
      for (let i = 0; i < this.size; i++) clients.push(await this.pool.connect());
      await Promise.all(
        clients.map(async (client) => {
          for (const s of statements) {
            if (s.idle) await client.query({ name: s.name, text: s.text, values: [...s.idle] });
          }
        }),
      );
    } catch (error) {
      failed = error;
      this.logger.warn({ err: error }, 'could not warm the database pool');
    } finally {
      // After a failure none is known to be sound: they are closed rather than kept.
      for (const client of clients) client.release(failed ? true : undefined);
    }
  }

  /** Runs a named statement with positional values; its rows. */
  async run<Row>(statement: Prepared<Row>, values: readonly unknown[]): Promise<Row[]> {
    const result = await this.pool.query<Row & pg.QueryResultRow>({
      name: statement.name,
      text: statement.text,
      values: values as unknown[],
    });
    return result.rows;
  }

  /** Prisma leaves a pool it was given open: the pool is ours to end. */
  override async $disconnect(): Promise<void> {
    await super.$disconnect();
    if (!this.pool.ending) await this.pool.end();
  }

  /**
   * The last hook of a shutdown (the deepest module's): queue workers and loops finish their
   * jobs in theirs, and those still need the pool. Prisma would reconnect on its own after an
   * early $disconnect; the pool it was given cannot.
   */
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
    this.logger.log('database pool closed');
  }
}
