import { ConfigError, loadConfig } from './config/env.js';

const redact = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');

/**
 * Turns a start-up failure into a sentence a person can act on: which service could not
 * be reached, where we looked, and how to fix it. No stack traces.
 */
export function explainStartupError(error: unknown): string {
  if (error instanceof ConfigError)
    return `Marginalia cannot start. ${error.message}\nSee .env.example for every setting.`;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code ?? '';
  let config: ReturnType<typeof loadConfig> | undefined;
  try {
    config = loadConfig(process.env);
  } catch {
    config = undefined;
  }
  const pg = config ? redact(config.DATABASE_URL) : 'DATABASE_URL';
  const redis = config ? redact(config.REDIS_URL) : 'REDIS_URL';
  if (/ECONNREFUSED.*:5432|database|postgres|P1001|ECONNREFUSED 127\.0\.0\.1:5432/i.test(message) || code === '28P01') {
    return (
      `Marginalia cannot reach PostgreSQL at ${pg}.\n` +
      `  Start it (e.g. \`pg_ctlcluster 15 main start\` or \`docker compose up -d postgres\`) ` +
      `or set DATABASE_URL to a running server.\n  (${message})`
    );
  }
  if (/6379|redis/i.test(message)) {
    return (
      `Marginalia cannot reach Redis at ${redis}.\n` +
      `  Start it (e.g. \`redis-server --daemonize yes\` or \`docker compose up -d redis\`) ` +
      `or set REDIS_URL to a running server.\n  (${message})`
    );
  }
  if (code === 'EADDRINUSE') return `Marginalia cannot listen: ${message}. Set PORT to a free port.`;
  return `Marginalia failed to start: ${message}`;
}
