import { Redis } from 'ioredis';
import pg from 'pg';

export default async function globalTeardown(): Promise<void> {
  // Each jest project names this teardown; the run needs it once.
  if (!process.env['MARGINALIA_TEST_RUN']) return;
  delete process.env['MARGINALIA_TEST_RUN'];
  await (globalThis as { marginaliaMailSink?: { close(): Promise<void> } }).marginaliaMailSink?.close();
  const url = process.env['DATABASE_URL'];
  if (url && new URL(url).pathname.startsWith('/marginalia_test_') && !process.env['KEEP_TEST_DB']) {
    const admin = new URL(url);
    const name = admin.pathname.slice(1);
    admin.pathname = '/postgres';
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    // The workers' copies (global-setup.ts), then the run's own database.
    for (const database of (process.env['MARGINALIA_TEST_DATABASES'] ?? name).split(',').reverse()) {
      await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    }
    await client.end();
  }
  const prefix = process.env['REDIS_PREFIX'];
  if (prefix?.startsWith('mtest_')) {
    const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
    // Jest's module mapper does not apply to global teardown; Node loads the TypeScript source itself.
    const helper = '../../src/infra/redis/delete-prefix.ts';
    const { deleteKeysWithPrefix } = (await import(helper)) as typeof import('../../src/infra/redis/delete-prefix.js');
    await deleteKeysWithPrefix(redis, prefix);
    await redis.quit();
  }
}
