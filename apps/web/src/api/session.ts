/**
 * The browser's session routes. The refresh token is an HttpOnly cookie scoped to /auth: this
 * code never sees it, it only asks the API to spend it. Each refresh token works once (a second
 * use ends the sign-in everywhere), so one tab refreshes at a time: see refreshOnce in client.ts.
 */
import { mapGraphQLErrors, networkError } from './errors.ts';
import type { User } from './types.ts';

export interface RestoredSession {
  accessToken: string;
  user: User;
}

export interface SessionRoutes {
  /**
   * Spends the refresh cookie: a new access token and the user, or null when there is no
   * session (no cookie, or one the server refused). Throws NETWORK_ERROR or a server error
   * when the answer says nothing about the session: it is kept for a later try.
   */
  refresh(): Promise<RestoredSession | null>;
  /** Ends this browser's sign-in and clears the cookie. */
  end(): Promise<void>;
}

export function createSessionRoutes(doFetch: typeof fetch, base = '/auth'): SessionRoutes {
  // JSON, even though nothing is sent: the API takes no other type on these routes (a form
  // posted by another site would be one).
  const post = async (path: string): Promise<Response> => {
    try {
      return await doFetch(`${base}/${path}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: '{}',
      });
    } catch {
      throw networkError();
    }
  };
  return {
    async refresh() {
      const response = await post('refresh');
      if (response.status === 204 || response.status === 401) return null;
      const body = (await response.json().catch(() => null)) as Partial<RestoredSession> | null;
      if (!response.ok || typeof body?.accessToken !== 'string' || !body.user) {
        throw mapGraphQLErrors(undefined, response.ok ? 500 : response.status);
      }
      return { accessToken: body.accessToken, user: body.user };
    },
    async end() {
      await post('logout');
    },
  };
}
