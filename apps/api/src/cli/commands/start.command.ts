import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../infra/config/env.js';
import { preflight } from '../../infra/preflight.js';
import { ensureDatabase, migrate } from '../../infra/prisma/migrate.js';
import type { Command } from '../command.js';
import { DEMO_ACCOUNTS, demoSeedPending } from './demo-accounts.js';
import { DEMO_HOST_PATH, startDemoHost } from './demo-host.js';

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
    if (await demoSeedPending(config.DATABASE_URL, config.DEMO_MODE)) {
      // Loaded only when needed: these modules take seconds to load, on every restart otherwise.
      const [{ withContext }, { seedDemo }] = await Promise.all([
        import('../context.js'),
        import('./seed-demo.command.js'),
      ]);
      const seeded = await withContext((app) => seedDemo(app));
      if (!seeded.skipped) process.stdout.write(`› imported ${seeded.articlesImported} demo articles\n`);
    }

    // Not `??`: an empty WEB_DIST (as in a copied .env.example) means the default here too.
    const env = { ...process.env, WEB_DIST: process.env['WEB_DIST'] || WEB_DIST };
    const url = `http://localhost:${config.PORT}`;
    process.stdout.write(`\nMarginalia is starting at ${url}\n`);
    if (config.DEMO_MODE) {
      process.stdout.write('Demo accounts:\n');
      for (const a of DEMO_ACCOUNTS) process.stdout.write(`  ${a.role.padEnd(9)} ${a.email} / ${a.password}\n`);
    }
    // A publisher's page on a second origin, embedding Marginalia with single sign-on.
    const demoHost =
      config.DEMO_MODE && config.DEMO_HOST_PORT > 0
        ? await startDemoHost({
            databaseUrl: config.DATABASE_URL,
            publicUrl: config.PUBLIC_URL,
            port: config.DEMO_HOST_PORT,
          }).catch((error: unknown) => {
            process.stdout.write(`› the demo publisher's page did not start: ${(error as Error).message}\n`);
            return null;
          })
        : null;
    if (demoHost) process.stdout.write(`Embed demo (a publisher's page): ${demoHost.origin}${DEMO_HOST_PATH}\n`);
    return new Promise<number>((resolve) => {
      const children: ChildProcess[] = [];
      let exiting = false;
      const stop = (signal: NodeJS.Signals): void => {
        exiting = true;
        demoHost?.server.close();
        for (const child of children) child.kill(signal);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const run = (file: string): ChildProcess => {
        const child = spawn(process.execPath, [path.join(DIST, file)], { env, stdio: 'inherit' });
        children.push(child);
        child.on('exit', (code) => {
          // One process dying takes the other down: a half-running product helps nobody.
          if (!exiting) stop('SIGTERM');
          demoHost?.server.close();
          if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) resolve(code ?? 0);
        });
        return child;
      };
      // The worker starts once the API answers: loading both at once on 2 busy cores put the
      // first page 12 s after the CLI instead of about 6 s. Jobs wait in Redis meanwhile.
      const api = run('main.js');
      void untilAnswering(`http://127.0.0.1:${config.PORT}/health`, api).then(() => {
        if (!exiting) run('worker.js');
      });
    });
  },
};

/** Resolves when the API answers at `url`, has exited, or after a minute, whichever comes first. */
async function untilAnswering(url: string, api: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (api.exitCode === null && api.signalCode === null && Date.now() < deadline) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(1000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
