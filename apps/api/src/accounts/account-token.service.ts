import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { Prisma } from '../generated/prisma/client.js';
import type { AccountTokenPurpose } from '../generated/prisma/enums.js';
import { DomainError } from '../infra/errors/domain-error.js';

const HOUR_MS = 3600 * 1000;

/** How long a mailed link works. */
export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  VERIFY_EMAIL: 48 * HOUR_MS,
  RESET_PASSWORD: 1 * HOUR_MS,
  CHANGE_EMAIL: 48 * HOUR_MS,
};

const sha256 = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** A token as spent: its row. */
export interface SpentToken {
  id: string;
  userId: string;
  newEmail: string | null;
}

/**
 * Single-use links mailed to users. The token in the link is 32 random bytes (base64url); only
 * its SHA-256 is stored, so a copy of the database opens no account. A token works once, for
 * its purpose only, until it expires (TOKEN_LIFETIME_MS); issuing a new one for the same
 * purpose ends the user's earlier ones.
 */
@Injectable()
export class AccountTokenService {
  /** Inside the caller's transaction: a new token; returns the row id (for idempotency keys) and the secret for the link. */
  async issue(
    tx: Prisma.TransactionClient,
    userId: string,
    purpose: AccountTokenPurpose,
    newEmail: string | null = null,
  ): Promise<{ id: string; token: string; validMs: number }> {
    const now = new Date();
    await tx.accountToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: now } });
    // Spent and expired rows serve no purpose once a new one exists.
    await tx.accountToken.deleteMany({ where: { userId, purpose, expiresAt: { lt: now } } });
    const token = randomBytes(32).toString('base64url');
    const validMs = TOKEN_LIFETIME_MS[purpose];
    const row = await tx.accountToken.create({
      data: { userId, purpose, newEmail, tokenHash: sha256(token), expiresAt: new Date(now.getTime() + validMs) },
      select: { id: true },
    });
    return { id: row.id, token, validMs };
  }

  /**
   * Inside the caller's transaction: spends `token` for `purpose`, or throws TOKEN_INVALID
   * (unknown, tampered with, another purpose), TOKEN_USED or TOKEN_EXPIRED. Two concurrent
   * uses: exactly one wins (the claim is one conditional UPDATE).
   */
  async spend(tx: Prisma.TransactionClient, token: string, purpose: AccountTokenPurpose): Promise<SpentToken> {
    const row = await tx.accountToken.findUnique({
      where: { tokenHash: sha256(token) },
      select: { id: true, userId: true, purpose: true, newEmail: true, expiresAt: true, usedAt: true },
    });
    if (!row || row.purpose !== purpose) throw tokenError('TOKEN_INVALID');
    if (row.usedAt) throw tokenError('TOKEN_USED');
    if (row.expiresAt.getTime() <= Date.now()) throw tokenError('TOKEN_EXPIRED');
    const claimed = await tx.accountToken.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (claimed.count === 0) throw tokenError('TOKEN_USED');
    return { id: row.id, userId: row.userId, newEmail: row.newEmail };
  }
}

const TOKEN_MESSAGES = {
  TOKEN_INVALID: 'This link is not valid; ask for a new one',
  TOKEN_USED: 'This link was already used; ask for a new one if you still need it',
  TOKEN_EXPIRED: 'This link has expired; ask for a new one',
} as const;

export function tokenError(code: keyof typeof TOKEN_MESSAGES): DomainError {
  return new DomainError(code, TOKEN_MESSAGES[code], 'token');
}
