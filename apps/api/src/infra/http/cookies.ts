/** The value of cookie `name` in a Cookie header, if sent. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

export interface CookieOptions {
  path: string;
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
  /** From cookiesSecure(config): the configured public address, not the request, decides. */
  secure: boolean;
}

/**
 * A Set-Cookie value for the API's own cookies: always HttpOnly (scripts never read them) and
 * SameSite=Strict (never sent on requests another site starts).
 */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const secure = options.secure ? '; Secure' : '';
  return `${name}=${value}; Path=${options.path}; HttpOnly; SameSite=Strict; Max-Age=${options.maxAge}${secure}`;
}
