import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../infra/errors/domain-error.js';
import type { UserModel } from '../users/models/user.model.js';
import { AuthService } from './auth.service.js';
import { Public } from './decorators.js';
import { SessionCookie, SESSION_PATH } from './session-cookie.js';

/** What a browser learns when its session is restored or renewed: never the refresh token. */
export interface SessionAnswer {
  accessToken: string;
  user: UserModel;
}

/**
 * The browser's session, kept in the refresh cookie. Both routes take JSON only and refuse
 * other sites' pages (session-http-policy.ts) before they run.
 */
@Public()
@Controller(SESSION_PATH.slice(1))
export class SessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookie: SessionCookie,
  ) {}

  /** Rotates the cookie; 204 when there is none (nobody signed in on this browser). */
  @Post('refresh')
  async refresh(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    void reply.header('cache-control', 'no-store');
    const token = this.cookie.read(request.headers);
    if (!token) return void (await reply.status(204).send());
    let answer: SessionAnswer;
    try {
      const { accessToken, refreshToken, user } = await this.auth.refresh(token);
      this.cookie.set(reply, refreshToken);
      answer = { accessToken, user };
    } catch (error) {
      // A refused token goes; an outage (anything else) keeps it for the next try.
      if (error instanceof DomainError) this.cookie.clear(reply);
      throw error;
    }
    await reply.status(200).send(answer);
  }

  /** Ends this browser's sign-in (its token family) and clears the cookie. */
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const token = this.cookie.read(request.headers);
    if (token) await this.auth.endSession(token);
    void reply.header('cache-control', 'no-store');
    this.cookie.clear(reply);
  }
}
