import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, REFRESH_LOCK } from './client.ts';
import { ApiError, mapGraphQLErrors } from './errors.ts';
import { LOGIN_MUTATION, REGISTER_MUTATION } from './queries.ts';
import { createTokenStore, forgetLegacySession, LEGACY_STORAGE_KEY } from './tokens.ts';

type Reply = { status?: number; body: unknown } | 'network' | 'html';

/** A fetch double that answers with the queued replies and records each request. */
function fakeFetch(...replies: Reply[]) {
  const calls: Array<{
    url: string;
    auth: string | null;
    type: string | null;
    body: { query: string; variables: Record<string, unknown> };
  }> = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    calls.push({
      url: String(input),
      auth: headers.get('Authorization'),
      type: headers.get('Content-Type'),
      body: JSON.parse(String(init?.body)),
    });
    const reply = replies.shift();
    if (!reply) throw new Error('unexpected request');
    if (reply === 'network') throw new TypeError('Failed to fetch');
    if (reply === 'html') return new Response('<html>Bad gateway</html>', { status: 502 });
    return new Response(reply.status === 204 ? null : JSON.stringify(reply.body), {
      status: reply.status ?? 200,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}

const unauthenticated = {
  body: { data: null, errors: [{ message: 'Token expired', extensions: { code: 'UNAUTHENTICATED' } }] },
};
/** What POST /auth/refresh answers: never a refresh token (that is the HttpOnly cookie). */
const refreshed = { body: { accessToken: 'access-2', user: { id: 'u1' } } };
const noSession = { status: 204, body: null };
const refused = {
  status: 401,
  body: { error: { code: 'UNAUTHENTICATED', message: 'Session expired; sign in again' } },
};

function signedIn() {
  const tokens = createTokenStore();
  tokens.set({ accessToken: 'access-1' });
  return tokens;
}

const refreshCalls = (calls: Array<{ url: string }>) => calls.filter((c) => c.url === '/auth/refresh');

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('error mapping', () => {
  it('keeps code, message and a normalised field', () => {
    const error = mapGraphQLErrors([
      { message: 'Handle is taken', extensions: { code: 'BAD_USER_INPUT', field: 'input.handle' } },
      { message: 'Password is too short', extensions: { code: 'BAD_USER_INPUT', field: 'password' } },
      { message: 'Also this', extensions: { code: 'BAD_USER_INPUT' } },
    ]);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('Handle is taken');
    expect(error.field).toBe('handle');
    expect(error.fieldErrors()).toEqual({ handle: 'Handle is taken', password: 'Password is too short' });
    expect(error.generalMessages()).toEqual(['Also this']);
  });

  it('falls back to the HTTP status and a friendly message when the server says little', () => {
    const error = mapGraphQLErrors([{ message: '' }], 429);
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toMatch(/too often/);
    expect(mapGraphQLErrors(undefined, 403).code).toBe('FORBIDDEN');
    expect(mapGraphQLErrors(undefined, 500).code).toBe('INTERNAL_SERVER_ERROR');
    expect(mapGraphQLErrors([42, null]).code).toBe('INTERNAL_SERVER_ERROR');
  });
});

describe('createClient', () => {
  it('posts the query and variables and returns data', async () => {
    const { fetch, calls } = fakeFetch({ body: { data: { ok: true } } });
    const client = createClient({ fetch, tokens: createTokenStore() });
    await expect(client.request('query { ok }', { a: 1 })).resolves.toEqual({ ok: true });
    expect(calls[0]).toMatchObject({ auth: null, body: { query: 'query { ok }', variables: { a: 1 } } });
  });

  it('sends the access token as a bearer token', async () => {
    const { fetch, calls } = fakeFetch({ body: { data: { ok: true } } });
    await createClient({ fetch, tokens: signedIn() }).request('query { ok }');
    expect(calls[0]!.auth).toBe('Bearer access-1');
  });

  it('maps GraphQL errors, including those sent with HTTP 400', async () => {
    const { fetch } = fakeFetch({
      status: 400,
      body: { errors: [{ message: 'Email is invalid', extensions: { code: 'BAD_USER_INPUT', field: 'email' } }] },
    });
    const error = await createClient({ fetch, tokens: createTokenStore() })
      .request('mutation { x }')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email', message: 'Email is invalid', status: 400 });
  });

  it('reports network failures and non-JSON responses', async () => {
    const { fetch } = fakeFetch('network', 'html');
    const client = createClient({ fetch, tokens: createTokenStore() });
    await expect(client.request('query { ok }')).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    await expect(client.request('query { ok }')).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR', status: 502 });
  });

  it('refreshes once on UNAUTHENTICATED through the cookie route and retries with the new token', async () => {
    const { fetch, calls } = fakeFetch(unauthenticated, refreshed, { body: { data: { me: { id: 'u1' } } } });
    const tokens = signedIn();
    const result = await createClient({ fetch, tokens }).request('query { me { id } }');
    expect(result).toEqual({ me: { id: 'u1' } });
    expect(calls.map((c) => [c.url, c.auth])).toEqual([
      ['/graphql', 'Bearer access-1'],
      ['/auth/refresh', null],
      ['/graphql', 'Bearer access-2'],
    ]);
    // JSON, as the route requires; the cookie travels by itself.
    expect(calls[1]!.type).toBe('application/json');
    expect(tokens.get()).toEqual({ accessToken: 'access-2' });
  });

  it('keeps tokens out of web storage', async () => {
    const { fetch } = fakeFetch(unauthenticated, refreshed, { body: { data: { ok: true } } });
    await createClient({ fetch, tokens: signedIn() }).request('query { ok }');
    expect(window.localStorage.length).toBe(0);
    expect(window.sessionStorage.length).toBe(0);
  });

  it('never selects the refresh token when signing in', () => {
    expect(LOGIN_MUTATION).not.toContain('refreshToken');
    expect(REGISTER_MUTATION).not.toContain('refreshToken');
  });

  it('removes the session an earlier version kept in localStorage', () => {
    window.localStorage.setItem(LEGACY_STORAGE_KEY, JSON.stringify({ accessToken: 'a', refreshToken: 'r' }));
    forgetLegacySession();
    expect(window.localStorage.getItem(LEGACY_STORAGE_KEY)).toBeNull();
  });

  it('does not loop when the retried request is rejected again', async () => {
    const { fetch, calls } = fakeFetch(unauthenticated, refreshed, unauthenticated);
    await expect(createClient({ fetch, tokens: signedIn() }).request('mutation { x }')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(calls).toHaveLength(3);
  });

  it('drops the session and retries anonymously when the refresh is refused', async () => {
    const { fetch, calls } = fakeFetch(unauthenticated, refused, { body: { data: { articles: [] } } });
    const tokens = signedIn();
    const onChange = vi.fn();
    tokens.subscribe(onChange);
    await expect(createClient({ fetch, tokens }).request('query { articles { id } }')).resolves.toEqual({
      articles: [],
    });
    expect(tokens.get()).toBeNull();
    expect(onChange).toHaveBeenCalledWith(null);
    expect(calls.map((c) => c.auth)).toEqual(['Bearer access-1', null, null]);
  });

  it('keeps the session through a network failure of the refresh', async () => {
    const { fetch } = fakeFetch(unauthenticated, 'network', { body: { data: { ok: true } } });
    const tokens = signedIn();
    await createClient({ fetch, tokens }).request('query { ok }');
    expect(tokens.get()).toEqual({ accessToken: 'access-1' });
  });

  it('does not try to refresh when signed out', async () => {
    const { fetch, calls } = fakeFetch(unauthenticated);
    await expect(createClient({ fetch, tokens: createTokenStore() }).request('mutation { x }')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Token expired',
    });
    expect(calls).toHaveLength(1);
  });

  it('shares one refresh between concurrent requests', async () => {
    const { fetch, calls } = fakeFetch(
      unauthenticated,
      unauthenticated,
      refreshed,
      { body: { data: { a: 1 } } },
      { body: { data: { b: 2 } } },
    );
    const client = createClient({ fetch, tokens: signedIn() });
    const results = await Promise.all([client.request('query { a }'), client.request('query { b }')]);
    expect(results).toEqual([{ a: 1 }, { b: 2 }]);
    expect(refreshCalls(calls)).toHaveLength(1);
  });

  it('restores the session from the cookie, and knows when there is none', async () => {
    const { fetch } = fakeFetch(refreshed, noSession);
    const tokens = createTokenStore();
    const client = createClient({ fetch, tokens });
    await expect(client.refreshSession()).resolves.toEqual({ id: 'u1' });
    expect(tokens.get()).toEqual({ accessToken: 'access-2' });
    await expect(client.refreshSession()).resolves.toBeNull();
    expect(tokens.get()).toBeNull();
  });

  it('lets requests made while the session is being restored wait for it', async () => {
    const { fetch, calls } = fakeFetch(refreshed, { body: { data: { ok: true } } });
    const client = createClient({ fetch, tokens: createTokenStore() });
    const restoring = client.refreshSession();
    await client.request('query { ok }');
    await restoring;
    expect(calls.map((c) => [c.url, c.auth])).toEqual([
      ['/auth/refresh', null],
      ['/graphql', 'Bearer access-2'],
    ]);
  });

  it('holds a lock across tabs while spending the refresh cookie', async () => {
    const held: string[] = [];
    const request = vi.fn(async (name: string, work: () => Promise<unknown>) => {
      held.push(name);
      return work();
    });
    vi.stubGlobal('navigator', { ...navigator, locks: { request } });
    const { fetch } = fakeFetch(refreshed);
    await createClient({ fetch, tokens: createTokenStore() }).refreshSession();
    expect(held).toEqual([REFRESH_LOCK]);
  });

  it('ends the session through the cookie route', async () => {
    const { fetch, calls } = fakeFetch({ status: 204, body: null });
    const tokens = signedIn();
    await createClient({ fetch, tokens }).endSession();
    expect(calls.map((c) => c.url)).toEqual(['/auth/logout']);
    expect(tokens.get()).toBeNull();
  });
});

describe('freshAccessToken', () => {
  /** An unsigned JWT-shaped token expiring `inSeconds` from now (the client only reads `exp`). */
  const tokenExpiringIn = (inSeconds: number): string =>
    ['e30', btoa(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + inSeconds })), 'sig'].join('.');

  it('returns a token that is still valid without a request', async () => {
    const tokens = createTokenStore();
    const token = tokenExpiringIn(600);
    tokens.set({ accessToken: token });
    const { fetch, calls } = fakeFetch();
    await expect(createClient({ fetch, tokens }).freshAccessToken()).resolves.toBe(token);
    expect(calls).toHaveLength(0);
  });

  it('refreshes an expired token first (from the cookie), so a websocket is not reopened with it', async () => {
    const tokens = createTokenStore();
    tokens.set({ accessToken: tokenExpiringIn(-5) });
    const { fetch, calls } = fakeFetch(refreshed);
    await expect(createClient({ fetch, tokens }).freshAccessToken()).resolves.toBe('access-2');
    expect(refreshCalls(calls)).toHaveLength(1);
  });

  it('answers undefined when signed out', async () => {
    const { fetch } = fakeFetch();
    await expect(createClient({ fetch, tokens: createTokenStore() }).freshAccessToken()).resolves.toBeUndefined();
  });
});
