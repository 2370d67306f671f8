import pg from 'pg';

/** Demo accounts, created only in demo mode. Documented in the README. */
export const DEMO_ACCOUNTS = [
  {
    email: 'admin@marginalia.test',
    password: 'marginalia-admin',
    handle: 'admin',
    displayName: 'Ada Admin',
    role: 'ADMIN',
  },
  {
    email: 'moderator@marginalia.test',
    password: 'marginalia-moderator',
    handle: 'moderator',
    displayName: 'Mo Moderator',
    role: 'MODERATOR',
  },
  {
    email: 'reader@marginalia.test',
    password: 'marginalia-reader',
    handle: 'reader',
    displayName: 'Rae Reader',
    role: 'READER',
  },
] as const;

/**
 * Whether seedDemo has anything to do (no article yet, or a demo account missing in demo
 * mode), asked with one query: `start` then skips booting the modules seedDemo needs, about
 * 3 s of a restart on a busy 2-core machine. Mirrors seedDemo's own checks.
 */
export async function demoSeedPending(databaseUrl: string, demoMode: boolean): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ articles: boolean; accounts: number }>(
      'SELECT EXISTS (SELECT 1 FROM "Article") AS articles, ' +
        '(SELECT count(*)::int FROM "User" WHERE email = ANY($1)) AS accounts',
      [DEMO_ACCOUNTS.map((a) => a.email)],
    );
    const row = rows[0];
    if (!row) return true;
    return !row.articles || (demoMode && row.accounts < DEMO_ACCOUNTS.length);
  } finally {
    await client.end();
  }
}
