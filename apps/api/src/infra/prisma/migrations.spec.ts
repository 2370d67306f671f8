import pg from 'pg';
import { migrate } from './migrate.js';
import { diffSql, readSchema } from './schema-sql.js';

/** Tables, columns, indexes, constraints and enums of a database, in a comparable form. */
async function catalog(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const queries = [
      `SELECT 'col', table_name, column_name, data_type, udt_name, is_nullable, coalesce(column_default, '')
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
      `SELECT 'idx', tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
      `SELECT 'con', conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
         WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"')`,
      `SELECT 'enum', t.typname, e.enumlabel, e.enumsortorder::text FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid`,
    ];
    const rows: string[] = [];
    for (const q of queries) {
      const result = await client.query({ text: q, rowMode: 'array' });
      rows.push(...result.rows.map((r: unknown[]) => r.join(' | ')));
    }
    return rows.sort();
  } finally {
    await client.end();
  }
}

async function withDatabase<T>(name: string, fn: (url: string) => Promise<T>): Promise<T> {
  const base = new URL(process.env['DATABASE_URL']!);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(base), { pathname: '/postgres' }).toString() });
  await admin.connect();
  const db = `${base.pathname.slice(1)}_${name}`;
  await admin.query(`CREATE DATABASE "${db}"`);
  try {
    return await fn(Object.assign(new URL(base), { pathname: `/${db}` }).toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    await admin.end();
  }
}

/** Expression indexes and generated columns (not expressible in schema.prisma) that migrations create. */
const SQL_ONLY_INDEXES = ['User_handle_lower_key', 'Comment_searchVector_idx'];
const SQL_ONLY_COLUMNS = ['col | Comment | searchVector | '];

describe('migrations', () => {
  it('build exactly the database that schema.prisma describes', async () => {
    const migrated = await withDatabase('migrated', async (url) => {
      await migrate(url);
      return catalog(url);
    });
    // Objects schema.prisma cannot express, created by migrations only (each says so).
    const sqlOnly = migrated.filter(
      (row) =>
        SQL_ONLY_INDEXES.some((name) => row.includes(` | ${name} | `)) ||
        SQL_ONLY_COLUMNS.some((start) => row.startsWith(start)),
    );
    expect(sqlOnly).toHaveLength(SQL_ONLY_INDEXES.length + SQL_ONLY_COLUMNS.length);
    const fromMigrations = migrated.filter((row) => !sqlOnly.includes(row));
    const fromSchema = await withDatabase('fromschema', async (url) => {
      const sql = await diffSql(null, await readSchema(), url);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(sql);
      await client.end();
      return catalog(url);
    });
    expect(fromMigrations.length).toBeGreaterThan(50);
    // A difference here means schema.prisma changed without a migration: run
    // `pnpm --filter @marginalia/api migration:new <name>`.
    expect(fromMigrations).toEqual(fromSchema);
  }, 120_000);

  it("records applied migrations in Prisma's bookkeeping and applies nothing twice", async () => {
    await withDatabase('twice', async (url) => {
      const first = await migrate(url);
      const second = await migrate(url);
      expect(first.applied.length).toBeGreaterThan(0);
      expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length, notices: [] });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const rows = await client.query(
        'SELECT migration_name, length(checksum) AS len, finished_at IS NOT NULL AS done, applied_steps_count FROM "_prisma_migrations"',
      );
      await client.end();
      expect(rows.rows).toEqual(
        first.applied.map((name) => ({ migration_name: name, len: 64, done: true, applied_steps_count: 1 })),
      );
    });
  });
});
