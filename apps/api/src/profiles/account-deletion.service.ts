import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import { hasOwnPassword, verifyPassword } from '../auth/password.js';
import type { Prisma } from '../generated/prisma/client.js';
import { badInput } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { RateLimiter } from '../infra/redis/rate-limiter.js';
import { DeletedCommentsChoice, type DeleteAccountInput } from './dto/delete-account.input.js';
import { erasePersonalText, removeComments, type ErasedIdentity } from './erasure.js';

/** Password attempts at deleting an account, per user and quarter of an hour. */
export const DELETE_ATTEMPTS = 5;

/** What a deleted account is called wherever its comments are still shown. */
export const DELETED_USER_NAME = 'a deleted user';

/** Not an Argon2 hash: no password verifies against it. */
const UNUSABLE_PASSWORD = '!account-deleted';

/** A deleted account's placeholders; `.invalid` is reserved (RFC 2606), so nothing is ever mailed there. */
export function placeholdersFor(userId: string): { email: string; handle: string } {
  const short = userId.replaceAll('-', '').slice(0, 12);
  // A hyphen is outside the registration rule for handles, so no one can register this one.
  return { email: `deleted-${userId}@deleted.invalid`, handle: `deleted-${short}` };
}

const normalHandle = (handle: string): string => handle.trim().replace(/^@/, '').toLowerCase();

/**
 * Deletes the signed-in user's account, in one transaction. The row stays (moderation history
 * and the comments kept refer to its id) with every personal field replaced; sessions, account
 * links, notifications and settings go; their name and address are taken out of free text that
 * quotes them (see erasure.ts and docs/security.md).
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly limiter: RateLimiter,
  ) {}

  async delete(input: DeleteAccountInput, viewer: Viewer): Promise<void> {
    await this.limiter.consume(
      'delete-account',
      viewer.id,
      DELETE_ATTEMPTS,
      900,
      'Too many attempts; wait a quarter of an hour',
    );
    const user = await this.prisma.user.findUniqueOrThrow({
      where: { id: viewer.id },
      select: { id: true, email: true, handle: true, displayName: true, passwordHash: true },
    });
    // BAD_USER_INPUT, not UNAUTHENTICATED: the session is fine, the confirmation is not.
    if (hasOwnPassword(user.passwordHash)) {
      if (!input.password) throw badInput('password', 'Enter your password to confirm');
      if (!(await verifyPassword(user.passwordHash, input.password))) throw badInput('password', 'Wrong password');
    } else if (normalHandle(input.confirmHandle ?? '') !== normalHandle(user.handle)) {
      // An account a publisher's sign-on made has no password: typing the handle confirms.
      throw badInput('confirmHandle', `Type your handle, ${user.handle}, to confirm`);
    }
    const placeholders = placeholdersFor(user.id);
    const identity: ErasedIdentity = {
      id: user.id,
      email: user.email,
      handle: user.handle,
      displayName: user.displayName,
      placeholderEmail: placeholders.email,
      placeholderHandle: placeholders.handle,
      placeholderName: DELETED_USER_NAME,
    };
    // A long comment history is many statements: the default five seconds is not enough.
    await this.prisma.$transaction((tx) => this.erase(tx, identity, input.comments), { timeout: 120_000 });
  }

  private async erase(
    tx: Prisma.TransactionClient,
    who: ErasedIdentity,
    comments: DeletedCommentsChoice,
  ): Promise<void> {
    if (comments === DeletedCommentsChoice.REMOVE) await removeComments(tx, who.id);
    await erasePersonalText(tx, who);
    await tx.refreshToken.deleteMany({ where: { userId: who.id } });
    await tx.accountToken.deleteMany({ where: { userId: who.id } });
    // The host's user id links the account to a person elsewhere; a later sign-in from the
    // host makes a new account.
    await tx.siteIdentity.deleteMany({ where: { userId: who.id } });
    await tx.notificationPreference.deleteMany({ where: { userId: who.id } });
    await tx.notification.deleteMany({ where: { userId: who.id } });
    await tx.user.update({
      where: { id: who.id },
      data: {
        email: who.placeholderEmail,
        handle: who.placeholderHandle,
        displayName: who.placeholderName,
        bio: null,
        passwordHash: UNUSABLE_PASSWORD,
        emailVerifiedAt: null,
        statusReason: null,
        timeZone: 'UTC',
        premod: false,
        deletedAt: new Date(),
        // Every access token still held stops working at its next request.
        tokenVersion: { increment: 1 },
      },
    });
  }
}
