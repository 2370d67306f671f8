import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module.js';
import { AccountMailer } from './account-mailer.js';
import { AccountTokenService } from './account-token.service.js';

/** Single-use account tokens and the messages that carry them; used by sign-up and sign-in (AuthModule) and the account flows. */
@Module({
  imports: [MailModule],
  providers: [AccountTokenService, AccountMailer],
  exports: [AccountTokenService, AccountMailer],
})
export class AccountMailModule {}
