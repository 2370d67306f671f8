import { Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import { unauthenticated } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { loadViewer } from './jwt.strategy.js';
import type { Viewer } from './viewer.js';

interface StoredToken {
  id: string;
  userId: string;
  familyId: string;
  tokenVersion: number;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

const sessionExpired = () => unauthenticated('Session expired; sign in again');
const sha256 = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/**
 * Refresh tokens, kept server-side so that each can be used once. A token is `<id>.<secret>`
 * (the secret is 32 random bytes; only its SHA-256 is stored). Using one marks it used and
 * issues its successor in the same family, one family per sign-in. A used token presented
 * again means two parties hold it (a thief and the owner): the whole family is revoked, and
 * whoever holds its newest token must sign in again.
 */
@Injectable()
export class RefreshTokenService {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The first token of a new family (a sign-in); expired tokens of the user are swept on the way. */
  async start(userId: string, tokenVersion: number): Promise<string> {
    await this.prisma.refreshToken.deleteMany({ where: { userId, expiresAt: { lt: new Date() } } });
    const { token, data } = this.mint({ userId, familyId: randomUUID(), tokenVersion });
    await this.prisma.refreshToken.create({ data });
    return token;
  }

  /** Spends `presented` and returns its successor with the viewer it belongs to. */
  async rotate(presented: string): Promise<{ viewer: Viewer; tokenVersion: number; token: string }> {
    const row = await this.find(presented);
    if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now()) throw sessionExpired();
    if (row.usedAt) {
      await this.revokeFamily(row.familyId);
      throw sessionExpired();
    }
    // Bans and sign-outs everywhere (a new tokenVersion) end the family too.
    const viewer = await loadViewer(this.prisma, { sub: row.userId, typ: 'refresh', ver: row.tokenVersion }, 'refresh');
    const { token, data } = this.mint(row);
    // Claimed in one statement: of two concurrent uses of one token, exactly one wins.
    const won = await this.prisma.$transaction(async (tx) => {
      const claimed = await tx.refreshToken.updateMany({
        where: { id: row.id, usedAt: null, revokedAt: null },
        data: { usedAt: new Date() },
      });
      if (claimed.count === 0) return false;
      await tx.refreshToken.create({ data });
      return true;
    });
    if (!won) {
      await this.revokeFamily(row.familyId);
      throw sessionExpired();
    }
    return { viewer, tokenVersion: row.tokenVersion, token };
  }

  /** Ends the sign-in `presented` belongs to; an unknown or forged token ends nothing. */
  async revoke(presented: string): Promise<void> {
    const row = await this.find(presented);
    if (row) await this.revokeFamily(row.familyId);
  }

  /** Ends every sign-in of the user. */
  async revokeAll(userId: string): Promise<void> {
    await this.prisma.refreshToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.prisma.refreshToken.updateMany({
      where: { familyId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
  }

  /** The stored token whose secret matches, or null (malformed, unknown, wrong secret). */
  private async find(presented: string): Promise<StoredToken | null> {
    const [id, secret, ...rest] = presented.split('.');
    if (!id || !secret || rest.length > 0 || !isUUID(id)) return null;
    const row = await this.prisma.refreshToken.findUnique({ where: { id } });
    if (!row) return null;
    const expected = Buffer.from(row.tokenHash, 'hex');
    const actual = Buffer.from(sha256(secret), 'hex');
    return expected.length === actual.length && timingSafeEqual(expected, actual) ? row : null;
  }

  private mint(family: { userId: string; familyId: string; tokenVersion: number }): {
    token: string;
    data: { id: string; userId: string; familyId: string; tokenVersion: number; tokenHash: string; expiresAt: Date };
  } {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.JWT_REFRESH_TTL_SECONDS * 1000);
    const { userId, familyId, tokenVersion } = family;
    return {
      token: `${id}.${secret}`,
      data: { id, userId, familyId, tokenVersion, tokenHash: sha256(secret), expiresAt },
    };
  }
}
