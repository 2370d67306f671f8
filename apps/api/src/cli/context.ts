import type { INestApplicationContext } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AccountMailModule } from '../accounts/account-mail.module.js';
import { AuthService } from '../auth/auth.service.js';
import { RefreshTokenService } from '../auth/refresh-token.service.js';
import { CliImportModule, inContext } from './import-context.js';

/** What the other commands need: `import`'s modules, and accounts (`user:create`, the demo accounts) with their mail. */
@Module({
  imports: [CliImportModule, JwtModule.register({}), AccountMailModule],
  providers: [AuthService, RefreshTokenService],
})
class CliModule {}

export const withContext = <T>(fn: (app: INestApplicationContext) => Promise<T>): Promise<T> =>
  inContext(CliModule, fn);
