import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../generated/prisma/client.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import { lagTolerated } from './lag-tolerance.js';
import { declaredStatements, type Prepared } from './prepared.js';
import { ReplicaPool, type ReplicaState } from './replica-pool.js';

/**
 * The one entry point to PostgreSQL: Prisma's client over a `pg` pool, and the same pool for
 * the few named statements of the hot paths (`run`). With read replicas configured
 * (DATABASE_REPLICA_URLS), a second client over them serves `reads` inside toleratingLag.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PrismaService.name);
  private readonly pool: pg.Pool;
  private readonly size: number;
  private readonly warmOnBoot: boolean;
  private readonly replicaPool: ReplicaPool | null;
  /**
   * Its own client, not a switch inside one pool: Prisma batches the findUnique calls made in
   * one tick into a single statement whatever request they came from, so a pool that chose
   * per statement could send a mutation's read to a replica along with a reader's.
   */
  private readonly replicaClient: PrismaClient | null;
  /**
   * This client as its constructor returned it: Prisma's client is a proxy that adds the
   * models, and a getter reached through it sees the bare object as `this`.
   */
  private readonly primaryClient: PrismaClient;

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
    const replicaUrls = replicaUrlsOf(config.DATABASE_REPLICA_URLS);
    this.replicaPool = replicaUrls.length
      ? new ReplicaPool(replicaUrls, pool, size, config.DATABASE_REPLICA_MAX_LAG_SECONDS)
      : null;
    this.replicaClient = this.replicaPool ? new PrismaClient({ adapter: new PrismaPg(this.replicaPool) }) : null;
    this.primaryClient = this;
  }

  /**
   * The client for a read that may lag: a replica's inside toleratingLag (falling back to the
   * primary while no replica answers), this one everywhere else and when there are no replicas.
   */
  get reads(): PrismaClient {
    return this.replicaClient && lagTolerated() ? this.replicaClient : this.primaryClient;
  }

  /** The read replicas' reachability and lag; empty without replicas. */
  replicaStates(): Promise<ReplicaState[]> {
    return this.replicaPool ? this.replicaPool.states() : Promise.resolve([]);
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

  /** Runs a named statement with positional values on the primary (they serve writes and sign-ins); its rows. */
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
    await this.replicaClient?.$disconnect();
    if (this.replicaPool && !this.replicaPool.ending) await this.replicaPool.end();
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

const replicaUrlsOf = (list: string): string[] =>
  list
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
