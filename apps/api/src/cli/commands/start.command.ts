import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../infra/config/env.js';
import { preflight } from '../../infra/preflight.js';
import { ensureDatabase, migrate } from '../../infra/prisma/migrate.js';
import type { Command } from '../command.js';
import { withContext } from '../context.js';
import { DEMO_ACCOUNTS, seedDemo } from './seed-demo.command.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(here, '../..');
export const WEB_DIST = path.resolve(here, '../../../../web/dist');

/**
 * One-command start: database, migrations, demo content on first run, then the API
 * (serving the web client) and the worker as two child processes.
 */
export const startCommand: Command = {
  summary: 'Prepare the database and run the API, the worker and the web client',
  usage: 'pnpm start   (or: pnpm marginalia start)',
  options: {},
  async run() {
    // The one-command local demo: demo mode unless the environment says otherwise. The API and
    // worker alone (`start:api`, `start:worker`, the Docker image) never assume it.
    process.env['DEMO_MODE'] ??= 'true';
    const config = loadConfig(process.env);
    await preflight(config);
    if (await ensureDatabase(config.DATABASE_URL)) process.stdout.write('› created the database\n');
    const migrated = await migrate(config.DATABASE_URL);
    if (migrated.applied.length > 0) process.stdout.write(`› applied ${migrated.applied.length} migration(s)\n`);
    for (const notice of migrated.notices) process.stdout.write(`› ${notice}\n`);
    const seeded = await withContext((app) => seedDemo(app));
    if (!seeded.skipped) process.stdout.write(`› imported ${seeded.articlesImported} demo articles\n`);

    // Not `??`: an empty WEB_DIST (as in a copied .env.example) means the default here too.
    const env = { ...process.env, WEB_DIST: process.env['WEB_DIST'] || WEB_DIST };
    const children: ChildProcess[] = [
      spawn(process.execPath, [path.join(DIST, 'main.js')], { env, stdio: 'inherit' }),
      spawn(process.execPath, [path.join(DIST, 'worker.js')], { env, stdio: 'inherit' }),
    ];
    const url = `http://localhost:${config.PORT}`;
    process.stdout.write(`\nMarginalia is starting at ${url}\n`);
    if (config.DEMO_MODE) {
      process.stdout.write('Demo accounts:\n');
      for (const a of DEMO_ACCOUNTS) process.stdout.write(`  ${a.role.padEnd(9)} ${a.email} / ${a.password}\n`);
    }
    return new Promise<number>((resolve) => {
      let exiting = false;
      const stop = (signal: NodeJS.Signals): void => {
        exiting = true;
        for (const child of children) child.kill(signal);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      let remaining = children.length;
      for (const child of children) {
        child.on('exit', (code) => {
          // One process dying takes the other down: a half-running product helps nobody.
          if (!exiting) stop('SIGTERM');
          if (--remaining === 0) resolve(code ?? 0);
        });
      }
    });
  },
};
