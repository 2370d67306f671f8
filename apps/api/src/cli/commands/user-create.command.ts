import { AuthService } from '../../auth/auth.service.js';
import { DomainError } from '../../infra/errors/domain-error.js';
import { CliError, printJson, type Command } from '../command.js';
import { withContext } from '../context.js';

const ROLES = ['READER', 'MODERATOR', 'ADMIN'] as const;

export const userCreateCommand: Command = {
  summary: 'Create a user (e.g. the first admin)',
  usage:
    'pnpm marginalia user:create --email EMAIL --password PASSWORD [--handle HANDLE] [--name NAME] [--role READER|MODERATOR|ADMIN] [--json]',
  options: {
    email: { type: 'string' },
    password: { type: 'string' },
    handle: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', default: 'READER' },
  },
  async run(values) {
    const email = values['email'];
    const password = values['password'];
    const role = String(values['role']).toUpperCase();
    if (typeof email !== 'string' || typeof password !== 'string')
      throw new CliError('--email and --password are required');
    if (password.length < 10) throw new CliError('--password must be at least 10 characters');
    if (!ROLES.includes(role as (typeof ROLES)[number]))
      throw new CliError(`--role must be one of ${ROLES.join(', ')}`);
    const handle =
      typeof values['handle'] === 'string' ? values['handle'] : email.split('@')[0]!.replace(/[^a-zA-Z0-9_]/g, '_');
    const name = typeof values['name'] === 'string' ? values['name'] : handle;
    const user = await withContext(async (app) => {
      try {
        return await app.get(AuthService).createUser({
          email,
          password,
          handle,
          displayName: name,
          role: role as (typeof ROLES)[number],
          verified: true,
        });
      } catch (error) {
        if (error instanceof DomainError) throw new CliError(error.message);
        throw error;
      }
    });
    if (values['json']) printJson({ id: user.id, email: user.email, handle: user.handle, role: user.role });
    else process.stdout.write(`Created ${user.role.toLowerCase()} ${user.handle} <${user.email}>\n`);
    return 0;
  },
};
