import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG } from '../infra/config/config.module.js';
import { cookiesSecure, type AppConfig } from '../infra/config/env.js';
import { readCookie, serializeCookie, type CookieOptions } from '../infra/http/cookies.js';

/** The routes that read the session cookie (refresh, logout); the cookie is sent to them only. */
export const SESSION_PATH = '/auth';
export const REFRESH_COOKIE = 'marginalia_refresh';

/**
 * The browser's refresh token lives in an HttpOnly, SameSite=Strict cookie scoped to /auth:
 * scripts (and so an injected one) never see it, other sites' requests never carry it, and
 * API requests do not send it. Secure whenever PUBLIC_URL is https.
 */
@Injectable()
export class SessionCookie {
  private readonly options: CookieOptions;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.options = { path: SESSION_PATH, maxAge: config.JWT_REFRESH_TTL_SECONDS, secure: cookiesSecure(config) };
  }

  read(headers: { cookie?: string | undefined }): string | undefined {
    return readCookie(headers.cookie, REFRESH_COOKIE) || undefined;
  }

  /** No reply (a websocket operation): nothing to set. */
  set(reply: FastifyReply | undefined, token: string): void {
    void reply?.header('set-cookie', serializeCookie(REFRESH_COOKIE, token, this.options));
  }

  clear(reply: FastifyReply | undefined): void {
    void reply?.header('set-cookie', serializeCookie(REFRESH_COOKIE, '', { ...this.options, maxAge: 0 }));
  }
}
