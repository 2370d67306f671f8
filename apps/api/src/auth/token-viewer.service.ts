import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { loadViewer, type TokenClaims } from './jwt.strategy.js';
import type { Viewer } from './viewer.js';

/**
 * Resolves the viewer of a websocket connection from the `authorization` (or `token`)
 * field of its connection_init payload, with the same rules as HTTP requests.
 * Returns null for an anonymous connection and throws for a bad token.
 */
@Injectable()
export class TokenViewerService {
  constructor(
    private readonly jwt: JwtService,
    private readonly prisma: PrismaService,
  ) {}

  async fromConnectionPayload(payload: unknown): Promise<Viewer | null> {
    const fields = (payload ?? {}) as Record<string, unknown>;
    const raw = fields['authorization'] ?? fields['Authorization'] ?? fields['token'];
    if (typeof raw !== 'string' || raw.trim() === '') return null;
    const token = raw.replace(/^Bearer\s+/i, '');
    const claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
    return loadViewer(this.prisma, claims, 'access');
  }
}
