import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * One throwaway PostgreSQL database and Redis key prefix per test run, created here and
 * dropped in global-teardown. Tests find them in process.env.
 *
 * Test files run side by side, one per jest worker, and many specs count rows site-wide (queues,
 * audit log, statements): each worker gets a database of its own, a copy of the migrated one
 * (per-file-namespace.ts picks it). The copies are cheap: CREATE DATABASE … TEMPLATE.
 */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  // Each jest project names this setup; the run needs it once.
  if (process.env['MARGINALIA_TEST_RUN']) return;
  const base = process.env['TEST_DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const name = `marginalia_test_${suffix}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect().catch((error: unknown) => {
    throw new Error(`Tests need PostgreSQL at ${base}: ${(error as Error).message}`);
  });
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env['DATABASE_URL'] = url.toString();
  process.env['REDIS_PREFIX'] = `mtest_${suffix}`;
  process.env['NODE_ENV'] = 'test';
  process.env['LOG_LEVEL'] = process.env['TEST_LOG_LEVEL'] ?? 'silent';
  process.env['DEMO_MODE'] = 'false';
  process.env['JWT_SECRET'] = randomBytes(32).toString('hex');
  // A mail server for the whole run that accepts every message and drops it (the demo's):
  // registrations mail a link, and the worker processes of the fault specs send it at once,
  // without retries or warnings. Specs that read mail start their own catcher (mail-catcher.ts).
  const sinkModule = '../../src/mail/demo-mail-catcher.ts';
  const { startDemoMailCatcher } = (await import(sinkModule)) as typeof import('../../src/mail/demo-mail-catcher.js');
  const sink = await startDemoMailCatcher();
  (globalThis as { marginaliaMailSink?: { close(): Promise<void> } }).marginaliaMailSink = sink;
  process.env['SMTP_URL'] = sink.url;
  process.env['LOGIN_RATE_LIMIT'] = '20';
  // Above LOGIN_RATE_LIMIT, so the per-address limit's own test sees it first.
  process.env['LOGIN_ACCOUNT_FAILURE_LIMIT'] = '30';
  // Every test registers its users from 127.0.0.1; login-limits.e2e.spec.ts tests these limits itself.
  process.env['REGISTER_RATE_LIMIT'] = '100000';
  process.env['REGISTER_SITE_RATE_LIMIT'] = '100000';
  process.env['IMPORT_RATE_LIMIT'] = '1000';
  // Every test reads from 127.0.0.1, anonymously for the most part; abuse-limit specs set it low.
  process.env['ANONYMOUS_RATE_LIMIT'] = '1000000';
  // Jest runs the sources in a module system of its own, which a worker thread does not have:
  // an in-process worker builds digests on its main thread. digest-thread.e2e.spec.ts builds
  // them in the thread, in a worker child process.
  process.env['DIGEST_BUILD_THREAD'] = 'false';
  // Jest's module mapper does not apply to global setup; Node loads the TypeScript source itself.
  const runner = '../../src/infra/prisma/migrate.ts';
  const { migrate } = (await import(runner)) as typeof import('../../src/infra/prisma/migrate.js');
  await migrate(process.env['DATABASE_URL']);
  // Worker 1 has the migrated database; the others a copy each.
  const databases = [name];
  const copier = new pg.Client({ connectionString: base });
  await copier.connect();
  for (let worker = 2; worker <= Math.max(1, globalConfig.maxWorkers); worker++) {
    databases.push(`${name}_w${worker}`);
    await copier.query(`CREATE DATABASE "${name}_w${worker}" TEMPLATE "${name}"`);
  }
  await copier.end();
  process.env['MARGINALIA_TEST_DATABASES'] = databases.join(',');
  process.env['MARGINALIA_TEST_RUN'] = suffix;
}
