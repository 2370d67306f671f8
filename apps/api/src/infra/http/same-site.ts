import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/env.js';

/** The origins whose pages may call cookie-setting routes: the site itself and CORS_ORIGINS. */
export function allowedOrigins(config: Pick<AppConfig, 'PUBLIC_URL' | 'CORS_ORIGINS'>): Set<string> {
  const listed = config.CORS_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => safeOrigin(origin));
  return new Set([new URL(config.PUBLIC_URL).origin, ...listed].filter((o): o is string => o !== null));
}

/**
 * Why a request to a route that sets or reads a session cookie looks cross-site, or null.
 * Browsers send Origin on every POST; a page of another site is refused even when its request
 * could not read the answer (the cookie would be set, or a session rotated, all the same).
 * Clients that send no Origin (scripts, curl) are not browsers and carry no ambient cookies.
 */
export function crossSiteReason(request: FastifyRequest, allowed: Set<string>): string | null {
  const origin = request.headers.origin;
  if (origin === undefined) return null;
  if (allowed.has(origin)) return null;
  return `Requests from ${origin.slice(0, 100)} may not do this; only this site's pages may (PUBLIC_URL, CORS_ORIGINS)`;
}

function safeOrigin(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}
