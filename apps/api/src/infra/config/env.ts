import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';

const toBool = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;

/**
 * Every environment variable Marginalia reads, with its default. `.env.example` documents
 * the same list; a test keeps the two in step.
 */
export class Env {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsString()
  DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/marginalia';

  /** PostgreSQL connections per process (API or worker); mind max_connections × processes. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @IsString()
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix for every Redis key (queues, pub/sub channels, rate limits). */
  @IsString()
  REDIS_PREFIX = 'marginalia';

  /** Demo mode: seeds demo articles and accounts, allows a built-in JWT secret. */
  @Transform(toBool)
  @IsBoolean()
  @IsOptional()
  DEMO_MODE?: boolean;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(300)
  JWT_REFRESH_TTL_SECONDS = 2_592_000;

  /** Comma-separated origins allowed by CORS; empty means same origin only. */
  @IsString()
  CORS_ORIGINS = '';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Directory of the built web client, served at `/`; empty disables it. */
  @IsString()
  WEB_DIST = '';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  GRAPHQL_MAX_DEPTH = 12;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  GRAPHQL_MAX_ALIASES = 20;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  GRAPHQL_MAX_COST = 20_000;

  /** Login attempts allowed per minute for one address and email. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  /** Imports one admin may queue per minute through the API (the CLI is not limited). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  IMPORT_RATE_LIMIT = 30;

  /** Milliseconds a process waits for in-flight work on SIGTERM before it exits anyway. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /** BullMQ: how long a job's lock lasts unless its worker renews it; a dead worker's jobs wait this long. */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  QUEUE_LOCK_DURATION_MS = 30_000;

  /** Moderation jobs a worker process runs at once (they mostly wait on PostgreSQL and Redis). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256)
  MODERATION_CONCURRENCY = 8;

  /** BullMQ: how often workers look for jobs whose lock expired (their worker died) and run them again. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  QUEUE_STALLED_INTERVAL_MS = 30_000;

  /** Comma-separated hosts or CIDRs an URL import may reach despite the private-address guard. */
  @IsString()
  IMPORT_ALLOWED_HOSTS = '';

  /** Milliseconds an URL import may spend fetching its page, redirects included. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  IMPORT_FETCH_TIMEOUT_MS = 15_000;

  /** A comment still PENDING this long after it was written or edited gets its moderation job again (ms). */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  MODERATION_SWEEP_AGE_MS = 120_000;

  /** How often the worker looks for such comments (ms). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  MODERATION_SWEEP_INTERVAL_MS = 30_000;
}

export type AppConfig = Required<Omit<Env, 'JWT_SECRET' | 'DEMO_MODE'>> & { JWT_SECRET: string; DEMO_MODE: boolean };

/** A fixed secret for demo mode only; any other mode must set JWT_SECRET. */
const DEMO_JWT_SECRET = 'marginalia-demo-secret-not-for-production-use';

export class ConfigError extends Error {}

export function loadConfig(raw: Record<string, unknown>): AppConfig {
  const env = plainToInstance(Env, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  ${e.property}: ${m}`));
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const demo = env.DEMO_MODE ?? env.NODE_ENV !== 'production';
  if (!env.JWT_SECRET && !demo) {
    throw new ConfigError('Invalid configuration:\n  JWT_SECRET: required outside demo mode (at least 32 characters)');
  }
  return { ...env, DEMO_MODE: demo, JWT_SECRET: env.JWT_SECRET ?? DEMO_JWT_SECRET } as AppConfig;
}
