import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { isUUID } from 'class-validator';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import { unauthenticated } from '../infra/errors/domain-error.js';
import { NO_ID, prepared } from '../infra/prisma/prepared.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import type { Viewer } from './viewer.js';

export interface TokenClaims {
  sub: string;
  typ: 'access' | 'refresh';
  ver: number;
}

/** Bearer access tokens; the user is re-read so bans and logouts take effect at once. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly prisma: PrismaService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A key object, not the string: given a string, the verifier first tries (and fails)
      // to parse it as a public key on every request.
      secretOrKey: createSecretKey(Buffer.from(config.JWT_SECRET)) as unknown as string,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: TokenClaims): Promise<Viewer> {
    return loadViewer(this.prisma, claims, 'access');
  }
}

/** The user of every authenticated request (a named statement: it runs on each one). */
const VIEWER = prepared<Viewer & { tokenVersion: number }>(
  'auth.viewer',
  `SELECT id::text AS id, role::text AS role, status::text AS status, handle, "displayName", "tokenVersion",
          "emailVerifiedAt" IS NOT NULL AS "emailVerified"
   FROM "User" WHERE id = $1::uuid`,
  [NO_ID],
);

export async function loadViewer(prisma: PrismaService, claims: TokenClaims, typ: TokenClaims['typ']): Promise<Viewer> {
  if (claims.typ !== typ) throw unauthenticated('Wrong kind of token');
  if (!isUUID(claims.sub)) throw unauthenticated('Session expired; sign in again');
  const [user] = await prisma.run(VIEWER, [claims.sub]);
  if (!user || user.tokenVersion !== claims.ver) throw unauthenticated('Session expired; sign in again');
  if (user.status === 'BANNED') throw unauthenticated('This account is banned');
  const { tokenVersion: _version, ...viewer } = user;
  return viewer;
}
