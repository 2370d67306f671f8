import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplicationContext } from '@nestjs/common';
import { AuthService } from '../../auth/auth.service.js';
import { ImportRunner } from '../../imports/import-runner.js';
import { loadConfig } from '../../infra/config/env.js';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { printJson, type Command } from '../command.js';
import { withContext } from '../context.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { importFiles } from './import.command.js';

export const DEMO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../prisma/seed/demo');

export interface SeedResult {
  articlesImported: number;
  accountsCreated: string[];
  skipped: boolean;
}

/** First run only: imports the demo articles when there are none, and the demo accounts. */
export async function seedDemo(app: INestApplicationContext, force = false): Promise<SeedResult> {
  const prisma = app.get(PrismaService);
  const result: SeedResult = { articlesImported: 0, accountsCreated: [], skipped: false };
  if (force || (await prisma.article.count()) === 0) {
    const files = (await readdir(DEMO_DIR)).filter((f) => f.endsWith('.txt')).sort();
    const outcomes = await importFiles(
      app.get(ImportRunner),
      files.map((f) => path.join(DEMO_DIR, f)),
      'text',
    );
    for (const outcome of outcomes) if (outcome instanceof Error) throw outcome;
    result.articlesImported = outcomes.length;
  } else result.skipped = true;
  if (loadConfig(process.env).DEMO_MODE) {
    const auth = app.get(AuthService);
    for (const account of DEMO_ACCOUNTS) {
      if (await prisma.user.findUnique({ where: { email: account.email } })) continue;
      await auth.createUser({ ...account, verified: true });
      result.accountsCreated.push(account.email);
    }
  }
  return result;
}

export const seedDemoCommand: Command = {
  summary: 'Import the demo articles (first run) and create demo accounts (demo mode)',
  usage: 'pnpm marginalia seed:demo [--force] [--json]',
  options: { force: { type: 'boolean' } },
  async run(values) {
    const result = await withContext((app) => seedDemo(app, values['force'] === true));
    if (values['json']) printJson(result);
    else {
      process.stdout.write(
        result.skipped
          ? 'Articles already present; demo articles not imported.\n'
          : `Imported ${result.articlesImported} demo articles.\n`,
      );
      for (const email of result.accountsCreated) process.stdout.write(`Created demo account ${email}\n`);
    }
    return 0;
  },
};
