import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { explainStartupError } from '../infra/startup-errors.js';
import { CliError, type Command } from './command.js';

/**
 * Each command is loaded when it runs: most of them import the application's modules, which
 * take seconds to load, and `start` (every restart) needs none of them when nothing changed.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  migrate: async () => (await import('./commands/migrate.command.js')).migrateCommand,
  'user:create': async () => (await import('./commands/user-create.command.js')).userCreateCommand,
  import: async () => (await import('./commands/import.command.js')).importCommand,
  'seed:demo': async () => (await import('./commands/seed-demo.command.js')).seedDemoCommand,
  start: async () => (await import('./commands/start.command.js')).startCommand,
};

async function usage(): Promise<string> {
  const commands = await Promise.all(
    Object.entries(COMMANDS).map(async ([name, load]) => [name, await load()] as const),
  );
  const lines = commands.map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`);
  return `Usage: pnpm marginalia <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nAdd --help after a command for its options.`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    process.stdout.write(`${await usage()}\n`);
    return name ? 0 : 1;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) throw new CliError(`Unknown command "${name}".\n\n${await usage()}`);
  const command = await load();
  const { values, positionals } = parseArgs({
    args: rest,
    options: { ...command.options, help: { type: 'boolean' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  // Maintenance commands sign no tokens, but boot the modules that would: without a secret of
  // the deployment's own they get a random one for this process, never the public demo secret.
  if (name !== 'start') process.env['JWT_SECRET'] ??= randomBytes(32).toString('hex');
  return command.run(values as Record<string, string | boolean | undefined>, positionals);
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    const message =
      error instanceof CliError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
        ? (error as Error).message
        : explainStartupError(error);
    process.stderr.write(`${message}\n`);
    process.exit(1);
  });
