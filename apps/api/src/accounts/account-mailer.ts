import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import { MailService } from '../mail/mail.service.js';
import { AccountTokenService } from './account-token.service.js';

/** The account a message is about. */
export interface AccountRecipient {
  id: string;
  email: string;
  displayName: string;
}

const HOUR_MS = 3600 * 1000;

/**
 * The account messages: each issues its single-use token and queues its mail in the caller's
 * transaction (MailService decides who may receive what). Returns outbox ids for dispatch().
 */
@Injectable()
export class AccountMailer {
  constructor(
    private readonly tokens: AccountTokenService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The link to verify the account's current address. */
  async verification(tx: Prisma.TransactionClient, user: AccountRecipient): Promise<(string | null)[]> {
    // The address is kept with the token: a link mailed to an address the account no longer has proves nothing.
    const { id, token, validMs } = await this.tokens.issue(tx, user.id, 'VERIFY_EMAIL', user.email);
    return [
      await this.mail.queue(tx, {
        template: 'verify-email',
        to: user.email,
        userId: user.id,
        idempotencyKey: `verify-email:${id}`,
        data: {
          displayName: user.displayName,
          verifyUrl: this.link('/verify-email', token),
          validHours: validMs / HOUR_MS,
        },
      }),
    ];
  }

  /** A password reset link: asked for (`reset-password`), or after a lockout (`account-locked`, with its duration). */
  async passwordReset(
    tx: Prisma.TransactionClient,
    user: AccountRecipient,
    lockedSeconds: number | null = null,
  ): Promise<(string | null)[]> {
    const { id, token, validMs } = await this.tokens.issue(tx, user.id, 'RESET_PASSWORD');
    const resetUrl = this.link('/reset-password', token);
    const validMinutes = validMs / 60_000;
    const base = { to: user.email, userId: user.id };
    return [
      lockedSeconds === null
        ? await this.mail.queue(tx, {
            ...base,
            template: 'reset-password',
            idempotencyKey: `reset-password:${id}`,
            data: { displayName: user.displayName, resetUrl, validMinutes },
          })
        : await this.mail.queue(tx, {
            ...base,
            template: 'account-locked',
            idempotencyKey: `account-locked:${id}`,
            data: {
              displayName: user.displayName,
              resetUrl,
              validMinutes,
              lockedMinutes: Math.ceil(lockedSeconds / 60),
            },
          }),
    ];
  }

  /** A confirmation link to the new address, and a notice to the old one. */
  async emailChange(
    tx: Prisma.TransactionClient,
    user: AccountRecipient,
    newEmail: string,
  ): Promise<(string | null)[]> {
    const { id, token, validMs } = await this.tokens.issue(tx, user.id, 'CHANGE_EMAIL', newEmail);
    return [
      await this.mail.queue(tx, {
        template: 'confirm-email-change',
        to: newEmail,
        userId: user.id,
        idempotencyKey: `confirm-email-change:${id}`,
        data: {
          displayName: user.displayName,
          newEmail,
          confirmUrl: this.link('/confirm-email', token),
          validHours: validMs / HOUR_MS,
        },
      }),
      await this.mail.queue(tx, {
        template: 'email-change-notice',
        to: user.email,
        userId: user.id,
        idempotencyKey: `email-change-notice:${id}`,
        data: { displayName: user.displayName, newEmail },
      }),
    ];
  }

  dispatch(outboxIds: (string | null)[]): Promise<void> {
    return this.mail.dispatch(outboxIds);
  }

  private link(path: string, token: string): string {
    return `${this.config.PUBLIC_URL}${path}?token=${encodeURIComponent(token)}`;
  }
}
