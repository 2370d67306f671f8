// Jest setup, run before each spec file. Jest gives each file its own copy of process.env.
//
// The file gets its own Redis namespace (queues, pub/sub channels, rate limits) under the run's
// prefix, so a worker one file starts never takes the jobs another file's API posted; global
// teardown deletes every key under the run's prefix.
//
// Files run side by side, one per jest worker, and each worker has a database of its own
// (global-setup.ts): a file never sees the rows of a file running beside it. The files a worker
// runs in turn share its database, so the outbox rows an earlier file left undispatched (posted
// while its Redis was down, or ended before the relay caught up) are marked handed over here:
// they belong to that file's Redis namespace, and this file's relay would otherwise run that
// file's jobs in this one's worker, and mark them in the middle of what a spec counts.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

process.env['REDIS_PREFIX'] = `${process.env['REDIS_PREFIX']}:${randomBytes(3).toString('hex')}`;

const databases = process.env['MARGINALIA_TEST_DATABASES']?.split(',') ?? [];
const worker = Number(process.env['JEST_WORKER_ID'] ?? '1');
const database = databases[worker - 1];
if (!database) throw new Error(`jest worker ${worker} has no database: global setup made ${databases.length}`);
const url = new URL(process.env['DATABASE_URL']!);
url.pathname = `/${database}`;
process.env['DATABASE_URL'] = url.toString();

const client = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
await client.connect();
try {
  await client.query(`UPDATE "Outbox" SET "dispatchedAt" = now() WHERE "dispatchedAt" IS NULL`);
} finally {
  await client.end();
}
