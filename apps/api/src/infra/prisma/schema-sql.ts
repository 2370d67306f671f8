import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
export const API_DIR = path.resolve(here, '../../..');
export const SCHEMA_FILE = path.resolve(API_DIR, '../../prisma/schema.prisma');

/** Prisma 6 needs `url` in the datasource block, which Prisma 7 forbids: add it to a copy. */
async function prisma6Copy(schema: string, name: string, dir: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(
    file,
    schema.replace(/provider\s*=\s*"postgresql"/, 'provider = "postgresql"\n  url = env("DATABASE_URL")'),
  );
  return file;
}

/**
 * SQL that takes a database from the `from` datamodel to the `to` datamodel (null = empty),
 * written offline by Prisma 6's CLI through the pg adapter (see prisma6.config.ts).
 */
export async function diffSql(from: string | null, to: string, databaseUrl: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-schema-'));
  const fromFile = await prisma6Copy(from ?? 'datasource db {\n  provider = "postgresql"\n}\n', 'from.prisma', dir);
  const toFile = await prisma6Copy(to, 'to.prisma', dir);
  const cli = createRequire(import.meta.url).resolve('prisma6/build/index.js');
  const { stdout } = await run(
    process.execPath,
    [
      cli,
      'migrate',
      'diff',
      '--config',
      'prisma6.config.ts',
      '--from-schema-datamodel',
      fromFile,
      '--to-schema-datamodel',
      toFile,
      '--script',
    ],
    {
      cwd: API_DIR,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
        PRISMA_SCHEMA_ENGINE_BINARY: '/bin/true',
        PRISMA_QUERY_ENGINE_LIBRARY: '/bin/true',
      },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return stdout;
}

export const readSchema = (): Promise<string> => readFile(SCHEMA_FILE, 'utf8');
