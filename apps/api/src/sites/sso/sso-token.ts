import { createHmac, timingSafeEqual } from 'node:crypto';

/** The furthest ahead a host may set `exp`: tokens are for one sign-in, not a session. */
export const SSO_MAX_LIFETIME_SECONDS = 3600;
/** Clock difference tolerated between the host and us for `iat` and `nbf`. */
const CLOCK_SKEW_SECONDS = 60;
/** Longer than any honest token: three base64url parts of a few claims. */
export const SSO_TOKEN_MAX_LENGTH = 4096;

/** The claims Marginalia reads from a host's token. */
export interface SsoClaims {
  sub: string;
  name: string;
  email: string | null;
  exp: number;
}

export type SsoTokenResult =
  { ok: true; claims: SsoClaims } | { ok: false; reason: 'invalid' | 'expired'; message: string };

const invalid = (message: string): SsoTokenResult => ({ ok: false, reason: 'invalid', message });

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Verifies a host's single sign-on token: a compact JWS signed with HS256 and the site's
 * secret, and no other algorithm (a token naming `none` or RS256 is refused before any
 * signature work, so a public key can never be mistaken for the secret). `exp` is required and
 * at most an hour ahead; `sub` and `name` are required strings. Replay is the caller's check.
 */
export function verifySsoToken(token: string, secret: string, nowSeconds: number): SsoTokenResult {
  if (token.length > SSO_TOKEN_MAX_LENGTH) return invalid('The sign-in token is too long');
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]*$/.test(part))) {
    return invalid('The sign-in token is not a signed JWT');
  }
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJson(headerPart);
  if (!isRecord(header) || header['alg'] !== 'HS256') return invalid('The sign-in token must be signed with HS256');
  if (header['typ'] !== undefined && header['typ'] !== 'JWT') return invalid('The sign-in token is not a JWT');
  if (header['crit'] !== undefined) return invalid('The sign-in token names extensions we do not support');

  const expected = createHmac('sha256', secret).update(`${headerPart}.${payloadPart}`).digest();
  const given = Buffer.from(signaturePart, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return invalid('The sign-in token’s signature does not match the site’s secret');
  }

  const payload = decodeJson(payloadPart);
  if (!isRecord(payload)) return invalid('The sign-in token has no claims');
  const { sub, name, email, exp, nbf, iat } = payload;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return invalid('The sign-in token needs an exp claim');
  if (exp <= nowSeconds) return { ok: false, reason: 'expired', message: 'The sign-in token has expired' };
  if (exp > nowSeconds + SSO_MAX_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) {
    return invalid('The sign-in token’s exp must be at most an hour ahead');
  }
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > nowSeconds + CLOCK_SKEW_SECONDS)) {
    return invalid('The sign-in token is not valid yet');
  }
  if (iat !== undefined && (typeof iat !== 'number' || iat > nowSeconds + CLOCK_SKEW_SECONDS)) {
    return invalid('The sign-in token was issued in the future');
  }
  if (typeof sub !== 'string' || !sub.trim() || sub.length > 255) {
    return invalid('The sign-in token needs a sub claim (the host’s user id, at most 255 characters)');
  }
  if (typeof name !== 'string' || !name.trim()) return invalid('The sign-in token needs a name claim');
  if (email !== undefined && email !== null && typeof email !== 'string') {
    return invalid('The sign-in token’s email claim must be a string');
  }
  return {
    ok: true,
    claims: {
      sub,
      name: name.trim().slice(0, 80),
      email: typeof email === 'string' && email.trim() ? email : null,
      exp,
    },
  };
}

/** Signs claims as a host does (HS256): the demo mints its reader's token with it. */
export function signSsoToken(claims: Record<string, unknown>, secret: string): string {
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
