import { loadConfig } from '../../infra/config/env.js';
import { preflight } from '../../infra/preflight.js';
import { ensureDatabase, migrate } from '../../infra/prisma/migrate.js';
import { printJson, type Command } from '../command.js';

export const migrateCommand: Command = {
  summary: 'Create the database if needed and apply pending migrations',
  usage: 'pnpm marginalia migrate [--json]',
  options: {},
  async run(values) {
    const { DATABASE_URL, REDIS_URL, REDIS_CLUSTER_NODES, REDIS_SENTINELS, REDIS_SENTINEL_NAME } = loadConfig(
      process.env,
    );
    await preflight(
      { DATABASE_URL, REDIS_URL, REDIS_CLUSTER_NODES, REDIS_SENTINELS, REDIS_SENTINEL_NAME },
      { redis: false },
    );
    const created = await ensureDatabase(DATABASE_URL);
    const result = await migrate(DATABASE_URL);
    if (values['json']) printJson({ createdDatabase: created, ...result });
    else {
      if (created) process.stdout.write('Created the database.\n');
      for (const notice of result.notices) process.stdout.write(`› ${notice}\n`);
      process.stdout.write(
        result.applied.length > 0
          ? `Applied ${result.applied.length} migration(s): ${result.applied.join(', ')}\n`
          : `Database is up to date (${result.alreadyApplied} migration(s)).\n`,
      );
    }
    return 0;
  },
};
