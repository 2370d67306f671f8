import { connectRedis, redisWhere, type RedisSettings } from './redis/redis-client.js';
import pg from 'pg';
import type { AppConfig } from './config/env.js';

/** A start-up problem explained for the person starting Marginalia; shown without a stack trace. */
export class StartupError extends Error {}

const redact = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');

async function checkPostgres(url: string): Promise<void> {
  // Connect to the maintenance database: the application database may not exist yet.
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new StartupError(
      `Marginalia cannot reach PostgreSQL at ${redact(url)} (${(error as Error).message}).\n` +
        '  Start it (for example `pg_ctlcluster 15 main start` or `docker compose up -d postgres`)\n' +
        '  or set DATABASE_URL to a running server.',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRedis(config: RedisSettings): Promise<void> {
  const redis = connectRedis(config, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    sentinelRetryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  const where = redisWhere(config, redact);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new StartupError(
      `Marginalia cannot reach ${where} (${(error as Error).message}).\n` +
        '  Start it (for example `redis-server --daemonize yes` or `docker compose up -d redis`)\n' +
        '  or set REDIS_URL (or REDIS_SENTINELS, or REDIS_CLUSTER_NODES) to a running server.',
    );
  } finally {
    redis.disconnect();
  }
}

/**
 * Outside demo mode a mail server must be named: without one, verification and reset links
 * would wait forever. In demo mode the worker catches mail itself (mail/mail-transport.ts).
 */
export function checkMailSettings(config: Pick<AppConfig, 'SMTP_URL' | 'DEMO_MODE'>): void {
  if (config.SMTP_URL !== null || config.DEMO_MODE) return;
  throw new StartupError(
    'Marginalia cannot send mail: SMTP_URL is not set.\n' +
      '  Set SMTP_URL to your mail server (for example smtp://user:password@mail.example.org:587)\n' +
      '  and MAIL_FROM to the sender address, or DEMO_MODE=true for a local demo (mail is then\n' +
      '  caught by the worker and shown under Admin → Outgoing mail). See README, "Mail".',
  );
}

/** Checks that PostgreSQL and Redis answer before anything else starts. */
export async function preflight(
  config: Pick<AppConfig, 'DATABASE_URL'> & RedisSettings,
  needs = { redis: true },
): Promise<void> {
  await checkPostgres(config.DATABASE_URL);
  if (needs.redis) await checkRedis(config);
}
