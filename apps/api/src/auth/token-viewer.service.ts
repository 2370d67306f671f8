import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { loadViewer, type TokenClaims } from './jwt.strategy.js';
import type { Viewer } from './viewer.js';

/** Claims of a verified token: `exp` is set by the signer (seconds since the epoch). */
export type VerifiedClaims = TokenClaims & { exp: number };

export interface TokenSession {
  viewer: Viewer;
  claims: VerifiedClaims;
}

/**
 * Resolves the viewer of a websocket connection from the `authorization` (or `token`)
 * field of its connection_init payload, with the same rules as HTTP requests.
 * Returns null for an anonymous connection and throws for a bad token.
 */
@Injectable()
export class TokenViewerService {
  /**
   * A key object, not the string: given a string, the verifier first tries (and fails) to
   * parse it as a public key, and isSignedIn runs on every anonymous-or-not request.
   */
  private readonly key: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = createSecretKey(Buffer.from(config.JWT_SECRET));
  }

  private verify(token: string): Promise<VerifiedClaims> {
    return this.jwt.verifyAsync<VerifiedClaims>(token, {
      algorithms: ['HS256'],
      secret: this.key as unknown as Buffer,
    });
  }

  async fromConnectionPayload(payload: unknown): Promise<Viewer | null> {
    return (await this.sessionFromConnectionPayload(payload))?.viewer ?? null;
  }

  /** The viewer with the claims of their token (its version and expiry), or null when anonymous. */
  async sessionFromConnectionPayload(payload: unknown): Promise<TokenSession | null> {
    const fields = (payload ?? {}) as Record<string, unknown>;
    const raw = fields['authorization'] ?? fields['Authorization'] ?? fields['token'];
    if (typeof raw !== 'string' || raw.trim() === '') return null;
    const token = raw.replace(/^Bearer\s+/i, '');
    const claims = await this.verify(token);
    return { viewer: await loadViewer(this.prisma, claims, 'access'), claims };
  }

  /** The session's user as they are now; throws UNAUTHENTICATED if its token no longer holds. */
  reload(session: TokenSession): Promise<Viewer> {
    return loadViewer(this.prisma, session.claims, 'access');
  }

  /**
   * Whether an Authorization header carries an access token this server signed and that has not
   * expired: checked without the database, so it can run before every request. A junk header
   * is no sign-in.
   */
  async isSignedIn(authorization: string | undefined): Promise<boolean> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return false;
    try {
      const claims = await this.verify(match[1]!);
      return claims.typ === 'access';
    } catch {
      return false;
    }
  }
}
