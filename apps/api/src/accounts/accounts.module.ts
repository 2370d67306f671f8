import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { AccountMailModule } from './account-mail.module.js';
import { AccountSessions } from './account-sessions.js';
import { AccountUserResolver } from './account-user.resolver.js';
import { AccountResolver } from './account.resolver.js';
import { EmailChangeService } from './email-change.service.js';
import { EmailVerificationService } from './email-verification.service.js';
import { PasswordService } from './password.service.js';

/** Account flows that go through mail: verification, password reset and change, change of address. */
@Module({
  imports: [AuthModule, AccountMailModule],
  providers: [
    AccountSessions,
    EmailVerificationService,
    PasswordService,
    EmailChangeService,
    AccountResolver,
    AccountUserResolver,
  ],
})
export class AccountsModule {}
