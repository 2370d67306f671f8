import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { MIGRATIONS_DIR } from '../../src/infra/prisma/migrate.js';
import { errorCode, TestApi } from '../support/api-client.js';

const REGISTER = 'mutation($input: RegisterInput!) { register(input: $input) { user { handle } } }';

describe('handles are unique whatever their case', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api.close();
  });

  it('refuses a handle that differs from a taken one only in case', async () => {
    const n = Math.random().toString(36).slice(2, 10);
    await api.register({ handle: `alice_${n}` });
    const impostor = await api.gql(REGISTER, {
      input: {
        email: `impostor_${n}@example.test`,
        handle: `ALICE_${n}`,
        password: 'correct horse battery',
        displayName: 'Alice',
      },
    });
    expect(errorCode(impostor)).toBe('CONFLICT');
    expect(impostor.errors?.[0]?.extensions?.['field']).toBe('handle');
  });

  it('renames the later of existing clashing accounts when migrating, and reports each one', async () => {
    const prisma = api.app.get(PrismaService);
    const dir = (await readdir(MIGRATIONS_DIR)).find((name) => name.endsWith('_case_insensitive_handles'));
    expect(dir).toBeDefined();
    const sql = await readFile(path.join(MIGRATIONS_DIR, dir!, 'migration.sql'), 'utf8');
    const client = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
    await client.connect();
    const notices: string[] = [];
    client.on('notice', (notice) => notices.push(notice.message ?? ''));
    try {
      await client.query('BEGIN');
      // The database as it was before the migration: no case-insensitive index, clashing handles.
      await client.query('DROP INDEX "User_handle_lower_key"');
      const make = (handle: string, createdAt: string): Promise<unknown> =>
        client.query(
          `INSERT INTO "User" (id, email, handle, "displayName", "passwordHash", "createdAt", "updatedAt")
           VALUES (gen_random_uuid(), $1, $2, $2, 'x', $3, now())`,
          [`${handle}-${createdAt}@example.test`, handle, createdAt],
        );
      await make('bob_clash', '2020-01-01');
      await make('Bob_Clash', '2021-01-01');
      await make('BOB_CLASH', '2022-01-01');
      await client.query(sql);
      const rows = await client.query<{ handle: string }>(
        `SELECT handle FROM "User" WHERE lower(handle) LIKE 'bob_clash%' ORDER BY "createdAt"`,
      );
      expect(rows.rows.map((r) => r.handle)).toEqual(['bob_clash', 'Bob_Clash_2', 'BOB_CLASH_3']);
      expect(notices).toEqual([
        expect.stringMatching(/"Bob_Clash" is now "Bob_Clash_2"/),
        expect.stringMatching(/"BOB_CLASH" is now "BOB_CLASH_3"/),
      ]);
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
    expect(await prisma.user.count({ where: { handle: { startsWith: 'bob_clash', mode: 'insensitive' } } })).toBe(0);
  });
});
