import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import { Prisma } from '../generated/prisma/client.js';
import { badInput, DomainError } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { AccountMailer } from './account-mailer.js';
import { AccountSessions } from './account-sessions.js';
import { AccountTokenService } from './account-token.service.js';
import { ACCOUNT_FIELDS, type AccountUser } from './account-user.js';
import type { ChangeEmailInput } from './dto/account.inputs.js';

const taken = (): DomainError => new DomainError('CONFLICT', 'That address belongs to another account', 'newEmail');

/**
 * A change of address: a confirmation link to the new address and a notice to the old one;
 * the address changes (verified) only when the link is followed. An address of another account
 * is refused when asked for and again at confirmation.
 */
@Injectable()
export class EmailChangeService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly tokens: AccountTokenService,
    private readonly mailer: AccountMailer,
    private readonly sessions: AccountSessions,
  ) {}

  async request(viewer: Viewer, input: ChangeEmailInput): Promise<true> {
    await this.sessions.assertPassword(viewer, input.password, 'password');
    const newEmail = input.newEmail.trim().toLowerCase();
    const user = await this.prisma.user.findUniqueOrThrow({
      where: { id: viewer.id },
      select: { id: true, email: true, displayName: true },
    });
    if (user.email === newEmail) throw badInput('newEmail', 'That is your address already');
    if (await this.prisma.user.count({ where: { email: newEmail } })) throw taken();
    const outboxIds = await this.prisma.$transaction((tx) => this.mailer.emailChange(tx, user, newEmail));
    await this.mailer.dispatch(outboxIds);
    return true;
  }

  async confirm(token: string): Promise<AccountUser> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const spent = await this.tokens.spend(tx, token, 'CHANGE_EMAIL');
        const newEmail = spent.newEmail!;
        if (await tx.user.count({ where: { email: newEmail, id: { not: spent.userId } } })) throw taken();
        return tx.user.update({
          where: { id: spent.userId },
          data: { email: newEmail, emailVerifiedAt: new Date() },
          select: ACCOUNT_FIELDS,
        });
      });
    } catch (error) {
      // Taken by a concurrent registration or change between the check and the update.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw taken();
      throw error;
    }
  }
}
