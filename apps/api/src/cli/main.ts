import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { explainStartupError } from '../infra/startup-errors.js';
import { importCommand } from './commands/import.command.js';
import { migrateCommand } from './commands/migrate.command.js';
import { seedDemoCommand } from './commands/seed-demo.command.js';
import { startCommand } from './commands/start.command.js';
import { userCreateCommand } from './commands/user-create.command.js';
import { CliError, type Command } from './command.js';

const COMMANDS: Record<string, Command> = {
  migrate: migrateCommand,
  'user:create': userCreateCommand,
  import: importCommand,
  'seed:demo': seedDemoCommand,
  start: startCommand,
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`);
  return `Usage: pnpm marginalia <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nAdd --help after a command for its options.`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) throw new CliError(`Unknown command "${name}".\n\n${usage()}`);
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
  if (command !== startCommand) process.env['JWT_SECRET'] ??= randomBytes(32).toString('hex');
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
