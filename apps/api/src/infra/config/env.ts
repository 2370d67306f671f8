import { plainToInstance, Transform } from 'class-transformer';
import { isIP } from 'node:net';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/** Empty, `false`, a hop count, or a comma-separated list of addresses / CIDRs (checked again in trustProxyOf). */
const TRUST_PROXY_PATTERN = /^(|false|\d{1,2}|[0-9a-zA-Z.:/]+(\s*,\s*[0-9a-zA-Z.:/]+)*)$/;

const toBool = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;
/** An empty value (as in a copied .env.example) means unset. */
const emptyAsUnset = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
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

  /**
   * Demo mode only: the port of the demo publisher's page (`pnpm start` serves it on its own
   * origin, http://localhost:DEMO_HOST_PORT, to show the embed across two origins). 0 turns it off.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  DEMO_HOST_PORT = 3001;

  @IsString()
  HOST = '0.0.0.0';

  /**
   * The address readers use to reach Marginalia (scheme, host, optional port and path, no
   * trailing slash). Every absolute URL the API builds (annotation IRIs, Location headers, links)
   * starts with it, never with request headers; `https` makes cookies Secure. Default:
   * http://localhost:PORT.
   */
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'PUBLIC_URL must be an absolute http(s) URL, e.g. https://comments.example.org' },
  )
  PUBLIC_URL?: string;

  /**
   * Which forwarded client addresses to believe (`X-Forwarded-For`): empty or `false` = none,
   * the connection's address is the client's; comma-separated addresses, CIDRs or `loopback`,
   * `linklocal`, `uniquelocal` of the proxies; or a hop count (1 behind the compose nginx), only
   * where nothing can reach the API except through those proxies.
   */
  @IsString()
  @Matches(TRUST_PROXY_PATTERN, {
    message: 'TRUST_PROXY must be empty, false, a hop count (e.g. 1) or comma-separated proxy addresses/CIDRs',
  })
  TRUST_PROXY = '';

  @IsString()
  DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/marginalia';

  /** PostgreSQL connections per process (API or worker); mind max_connections × processes. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /**
   * Read replicas (`postgresql://…,postgresql://…`), streaming from DATABASE_URL: reads that
   * may lag (article text, discussions for readers who have not just written, staff search,
   * public annotation GETs) go to them; everything else stays on the primary. Each gets a pool
   * of DATABASE_POOL_SIZE. Empty: every statement goes to DATABASE_URL.
   */
  @IsString()
  @Matches(/^\s*$|^\s*postgres(ql)?:\/\/[^,\s]+(\s*,\s*postgres(ql)?:\/\/[^,\s]+)*\s*$/, {
    message: 'DATABASE_REPLICA_URLS must be postgresql:// URLs separated by commas',
  })
  DATABASE_REPLICA_URLS = '';

  /**
   * Seconds after a signed-in user's last write during which all their reads go to the
   * primary (read-your-own-writes); keep it above the replicas' usual lag.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  DATABASE_REPLICA_STICKY_SECONDS = 10;

  /**
   * A replica further behind than this (seconds since the last transaction it replayed, while
   * it has more to replay) gets no reads until it catches up.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  DATABASE_REPLICA_MAX_LAG_SECONDS = 30;

  @IsString()
  REDIS_URL = 'redis://127.0.0.1:6379';

  /**
   * Seed nodes of a Redis Cluster (`host:port,host:port`): when set, queues, live events, rate
   * limits and caches use the cluster and REDIS_URL is not used.
   */
  @IsString()
  @Matches(/^\s*$|^\s*(\[[^\]]+\]|[^:,\s]+):\d{1,5}(\s*,\s*(\[[^\]]+\]|[^:,\s]+):\d{1,5})*\s*$/, {
    message: 'REDIS_CLUSTER_NODES must be host:port pairs separated by commas',
  })
  REDIS_CLUSTER_NODES = '';

  /**
   * Redis Sentinels watching a primary and its replicas (`host:port,host:port`): when set, every
   * connection asks them for the primary named REDIS_SENTINEL_NAME, and again after a failover.
   * REDIS_URL then gives only the primary's password and database, if any.
   */
  @IsString()
  @Matches(/^\s*$|^\s*(\[[^\]]+\]|[^:,\s]+):\d{1,5}(\s*,\s*(\[[^\]]+\]|[^:,\s]+):\d{1,5})*\s*$/, {
    message: 'REDIS_SENTINELS must be host:port pairs separated by commas',
  })
  REDIS_SENTINELS = '';

  /** The name the Sentinels know the primary by (`sentinel monitor <name> …`). */
  @IsString()
  @Matches(/^[A-Za-z0-9._-]+$/, {
    message: 'REDIS_SENTINEL_NAME must be a Sentinel master name (letters, digits, . _ -)',
  })
  REDIS_SENTINEL_NAME = 'marginalia';

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

  /** `pretty` (readable lines), `json` (one object per line) or `auto`: see prettyLogs in infra/log-format.ts. */
  @IsIn(['auto', 'pretty', 'json'])
  LOG_FORMAT: 'auto' | 'pretty' | 'json' = 'auto';

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

  /**
   * Largest cost of one document, lists counted full (infra/graphql/query-cost.ts). The web
   * client's largest document (an article with its discussion) costs about 31,600; 20 aliases of
   * the article list with discussions cost over 500,000. See docs/limits.md.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  GRAPHQL_MAX_COST = 50_000;

  /** Login attempts allowed per minute for one address and email. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  /**
   * Failed sign-ins for one account, from any address, after which it is locked for
   * LOGIN_LOCKOUT_SECONDS (the right password included): guessing from rotating addresses.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_ACCOUNT_FAILURE_LIMIT = 10;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  LOGIN_LOCKOUT_SECONDS = 900;

  /** Accounts one address may register per hour. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  REGISTER_RATE_LIMIT = 10;

  /** Accounts the whole site accepts per hour, whatever their addresses. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  REGISTER_SITE_RATE_LIMIT = 1000;

  /** Single sign-on attempts (ssoLogin) one address may make per minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SSO_LOGIN_RATE_LIMIT = 30;

  /**
   * GraphQL requests (and websocket connections) a minute from one address without a valid
   * access token. Generous: a school or office behind one address has many readers.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  ANONYMOUS_RATE_LIMIT = 600;

  /**
   * How often a signed-in websocket's viewer is checked again (ms): a demoted, banned or
   * signed-out user's socket is closed within this time (and when its token expires).
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  SUBSCRIPTION_RECHECK_MS = 60_000;

  /** Subscriptions one websocket may hold at once (the web client opens one per socket). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  MAX_SUBSCRIPTIONS_PER_SOCKET = 10;

  /** Imports one admin may queue per minute through the API (the CLI is not limited). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  IMPORT_RATE_LIMIT = 30;

  /**
   * Hours an outbox row is kept after its job was handed to the queue (the worker deletes
   * older ones hourly). Rows not yet handed over are kept whatever their age.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  OUTBOX_RETENTION_HOURS = 168;

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

  /**
   * Moderation jobs a worker process runs at once (they mostly wait on PostgreSQL and Redis;
   * those running at once read their inputs in one statement and write their decisions in
   * one more). On the 2-core bench machine 32 drained a backlog 1.9× as fast as 8 (1,161
   * against 621 decisions a second; docs/scaling.md, "Moderation throughput"), and the fault
   * suite passes at 32 (a worker killed, stopped or stalled mid-job; docs/scaling.md,
   * "Concurrency default").
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256)
  MODERATION_CONCURRENCY = 32;

  /**
   * An article's digest of what readers are saying is rebuilt at most once per this many ms:
   * a change to its published comments schedules a rebuild at the end of the current window.
   */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  DIGEST_DEBOUNCE_MS = 60_000;

  /**
   * Digests are built in a worker thread of their own (digest-builds.ts), not between the
   * moderation jobs on the worker's main thread. False builds them on the main thread, in slices.
   */
  @Transform(toBool)
  @IsBoolean()
  DIGEST_BUILD_THREAD = true;

  /** BullMQ: how often workers look for jobs whose lock expired (their worker died) and run them again. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  QUEUE_STALLED_INTERVAL_MS = 30_000;

  /** Largest site-history export (WordPress WXR, Disqus) an admin may upload, in bytes: 200 MiB. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  IMPORT_UPLOAD_MAX_BYTES = 200 * 1024 * 1024;

  /**
   * Where uploaded exports wait for the worker (streamed to disk, deleted once imported).
   * The API and the worker must both see it: a shared volume when they run apart.
   */
  @IsString()
  IMPORT_UPLOAD_DIR = '';

  /** Comma-separated hosts or CIDRs an URL import may reach despite the private-address guard. */
  @IsString()
  IMPORT_ALLOWED_HOSTS = '';

  /** Milliseconds an URL import may spend fetching its page, redirects included. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  IMPORT_FETCH_TIMEOUT_MS = 15_000;

  /**
   * The mail server: `smtp://user:password@host:587` (STARTTLS when offered) or
   * `smtps://…:465` (TLS from the start). Required outside demo mode; in demo mode an unset
   * SMTP_URL makes the worker catch mail itself (shown under Admin → Outgoing mail).
   */
  @Transform(emptyAsUnset)
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['smtp', 'smtps'] },
    { message: 'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.org:587' },
  )
  SMTP_URL?: string;

  /** The From of every message: an address, or `Name <address>`. Default: the site's name at PUBLIC_URL's host. */
  @Transform(emptyAsUnset)
  @IsOptional()
  @IsString()
  @Matches(/^([^<>]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, {
    message: 'MAIL_FROM must be an address or "Name <address>", e.g. Marginalia <no-reply@example.org>',
  })
  MAIL_FROM?: string;

  /** The site's name in mail (subjects, the layout's header and footer). */
  @IsString()
  @MinLength(1)
  SITE_NAME = 'Marginalia';

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

export type AppConfig = Required<Omit<Env, 'JWT_SECRET' | 'DEMO_MODE' | 'PUBLIC_URL' | 'SMTP_URL' | 'MAIL_FROM'>> & {
  JWT_SECRET: string;
  /** Unset only in demo mode (the worker's mail catcher) and in configurations read by tests. */
  SMTP_URL: string | null;
  MAIL_FROM: string;
  DEMO_MODE: boolean;
  /** Without a trailing slash. */
  PUBLIC_URL: string;
};

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
  // Fail closed: demo mode (a public JWT secret, seeded accounts with known passwords) is on
  // only when asked for; the local start command asks for it (cli/commands/start.command.ts).
  const demo = env.DEMO_MODE ?? false;
  if (!env.JWT_SECRET && !demo) {
    throw new ConfigError(
      'Invalid configuration:\n  JWT_SECRET: required (at least 32 characters); set DEMO_MODE=true only for a local demo',
    );
  }
  if (env.REDIS_CLUSTER_NODES.trim() && env.REDIS_SENTINELS.trim()) {
    throw new ConfigError(
      'Invalid configuration:\n  REDIS_SENTINELS: set either REDIS_CLUSTER_NODES (a Redis Cluster) or REDIS_SENTINELS (a primary under Sentinel), not both',
    );
  }
  const trustProblem = trustProxyProblem(env.TRUST_PROXY);
  if (trustProblem) throw new ConfigError(`Invalid configuration:\n  TRUST_PROXY: ${trustProblem}`);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  const mailFrom = env.MAIL_FROM ?? `${env.SITE_NAME} <no-reply@${new URL(publicUrl).hostname}>`;
  return {
    ...env,
    DEMO_MODE: demo,
    JWT_SECRET: env.JWT_SECRET ?? DEMO_JWT_SECRET,
    PUBLIC_URL: publicUrl,
    SMTP_URL: env.SMTP_URL ?? null,
    MAIL_FROM: mailFrom,
  } as AppConfig;
}

/** proxy-addr's names for address ranges, allowed in TRUST_PROXY lists. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Fastify's `trustProxy` for TRUST_PROXY: false (believe no forwarded address), the proxies'
 * addresses, CIDRs or range names, or for a hop count a function that trusts that many hops
 * nearest the server (Fastify's own numeric option trusts nothing). Never `true`, which would
 * believe any client's header.
 */
export function trustProxyOf(value: string): false | string[] | ((address: string, hop: number) => boolean) {
  const text = value.trim();
  if (text === '' || text === 'false') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops === 0 ? false : (_address: string, hop: number): boolean => hop < hops;
  }
  return text.split(',').map((part) => part.trim());
}

function trustProxyProblem(value: string): string | null {
  const trusted = trustProxyOf(value);
  if (!Array.isArray(trusted)) return null;
  const bad = trusted.find((entry) => {
    if (PROXY_RANGE_NAMES.includes(entry)) return false;
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    if (family === 0 || rest.length > 0) return true;
    if (bits === undefined) return false;
    const n = Number(bits);
    return !/^\d+$/.test(bits) || n > (family === 4 ? 32 : 128);
  });
  return bad === undefined ? null : `"${bad}" is not an IP address or CIDR`;
}

/** Logged at every start of a process in demo mode, so nobody runs one on the internet unawares. */
export const DEMO_MODE_WARNING =
  'DEMO MODE: tokens are signed with a public secret and demo accounts have known passwords. ' +
  'Never expose this instance; set JWT_SECRET and leave DEMO_MODE unset outside a local demo.';

/** Whether cookies must be Secure: everywhere but plain-HTTP local addresses. */
export function cookiesSecure(config: Pick<AppConfig, 'PUBLIC_URL'>): boolean {
  return new URL(config.PUBLIC_URL).protocol === 'https:';
}
