import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MIGRATIONS_DIR } from './migrate.js';
import { diffSql, readSchema } from './schema-sql.js';

/**
 * `pnpm --filter @marginalia/api migration:new <name>`: writes the SQL that takes the last
 * migrated datamodel (prisma/migrations/schema.snapshot.prisma) to schema.prisma as a new
 * migration in Prisma's layout, and moves the snapshot forward.
 */
async function main(): Promise<void> {
  const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  if (!name) throw new Error('Usage: migration:new <name>');
  const snapshotFile = path.join(MIGRATIONS_DIR, 'schema.snapshot.prisma');
  const previous = await readFile(snapshotFile, 'utf8').catch(() => null);
  const schema = await readSchema();
  const sql = await diffSql(
    previous,
    schema,
    process.env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
  );
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    process.stdout.write('schema.prisma matches the migrations; nothing to do.\n');
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const existing = await readdir(MIGRATIONS_DIR);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  if (existing.includes(path.basename(dir))) throw new Error(`${dir} exists`);
  await mkdir(dir);
  await writeFile(path.join(dir, 'migration.sql'), sql);
  await writeFile(snapshotFile, schema);
  process.stdout.write(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
