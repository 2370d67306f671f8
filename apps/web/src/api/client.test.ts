import { describe, expect, it, vi } from 'vitest';
import { createClient } from './client.ts';
import { ApiError, mapGraphQLErrors } from './errors.ts';
import { createTokenStore, STORAGE_KEY } from './tokens.ts';

type Reply = { status?: number; body: unknown } | 'network' | 'html';

/** A fetch double that answers with the queued replies and records each request. */
function fakeFetch(...replies: Reply[]) {
  const calls: Array<{ auth: string | null; body: { query: string; variables: Record<string, unknown> } }> = [];
  const fn = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    calls.push({ auth: headers.get('Authorization'), body: JSON.parse(String(init?.body)) });
    const reply = replies.shift();
    if (!reply) throw new Error('unexpected request');
    if (reply === 'network') throw new TypeError('Failed to fetch');
    if (reply === 'html') return new Response('<html>Bad gateway</html>', { status: 502 });
    return new Response(JSON.stringify(reply.body), {
      status: reply.status ?? 200,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}

const unauthenticated = {
  body: { data: null, errors: [{ message: 'Token expired', extensions: { code: 'UNAUTHENTICATED' } }] },
};
const refreshed = {
  body: { data: { refreshToken: { accessToken: 'access-2', refreshToken: 'refresh-2', user: { id: 'u1' } } } },
};

function signedIn() {
  const tokens = createTokenStore(window.localStorage);
  tokens.set({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  return tokens;
}

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
    const client = createClient({ fetch, tokens: createTokenStore(null) });
    await expect(client.request('query { ok }', { a: 1 })).resolves.toEqual({ ok: true });
    expect(calls[0]).toEqual({ auth: null, body: { query: 'query { ok }', variables: { a: 1 } } });
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
    const error = await createClient({ fetch, tokens: createTokenStore(null) })
      .request('mutation { x }')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email', message: 'Email is invalid', status: 400 });
  });

  it('reports network failures and non-JSON responses', async () => {
    const { fetch } = fakeFetch('network', 'html');
    const client = createClient({ fetch, tokens: createTokenStore(null) });
    await expect(client.request('query { ok }')).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    await expect(client.request('query { ok }')).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR', status: 502 });
  });

  it('refreshes once on UNAUTHENTICATED and retries with the new token', async () => {
    const { fetch, calls } = fakeFetch(unauthenticated, refreshed, { body: { data: { me: { id: 'u1' } } } });
    const tokens = signedIn();
    const result = await createClient({ fetch, tokens }).request('query { me { id } }');
    expect(result).toEqual({ me: { id: 'u1' } });
    expect(calls.map((c) => c.auth)).toEqual(['Bearer access-1', null, 'Bearer access-2']);
    expect(calls[1]!.body.variables).toEqual({ token: 'refresh-1' });
    expect(tokens.get()).toEqual({ accessToken: 'access-2', refreshToken: 'refresh-2' });
    expect(JSON.parse(window.localStorage.getItem(STORAGE_KEY)!)).toMatchObject({ accessToken: 'access-2' });
  });

  it('does not loop when the retried request is rejected again', async () => {
    const { fetch, calls } = fakeFetch(unauthenticated, refreshed, unauthenticated);
    await expect(createClient({ fetch, tokens: signedIn() }).request('mutation { x }')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(calls).toHaveLength(3);
  });

  it('drops the session and retries anonymously when the refresh is rejected', async () => {
    const { fetch, calls } = fakeFetch(unauthenticated, unauthenticated, { body: { data: { articles: [] } } });
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

  it('does not try to refresh when signed out', async () => {
    const { fetch, calls } = fakeFetch(unauthenticated);
    await expect(
      createClient({ fetch, tokens: createTokenStore(null) }).request('mutation { x }'),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Token expired' });
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
    expect(calls.filter((c) => c.body.query.includes('refreshToken'))).toHaveLength(1);
  });
});

describe('freshAccessToken', () => {
  /** An unsigned JWT-shaped token expiring `inSeconds` from now (the client only reads `exp`). */
  const tokenExpiringIn = (inSeconds: number): string =>
    ['e30', btoa(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + inSeconds })), 'sig'].join('.');

  it('returns a token that is still valid without a request', async () => {
    const tokens = createTokenStore(window.localStorage);
    const token = tokenExpiringIn(600);
    tokens.set({ accessToken: token, refreshToken: 'refresh-1' });
    const { fetch, calls } = fakeFetch();
    await expect(createClient({ fetch, tokens }).freshAccessToken()).resolves.toBe(token);
    expect(calls).toHaveLength(0);
  });

  it('refreshes an expired token first, so a websocket is not reopened with it', async () => {
    const tokens = createTokenStore(window.localStorage);
    tokens.set({ accessToken: tokenExpiringIn(-5), refreshToken: 'refresh-1' });
    const { fetch, calls } = fakeFetch(refreshed);
    await expect(createClient({ fetch, tokens }).freshAccessToken()).resolves.toBe('access-2');
    expect(calls[0]?.body.variables).toEqual({ token: 'refresh-1' });
  });

  it('answers undefined when signed out', async () => {
    const { fetch } = fakeFetch();
    await expect(createClient({ fetch, tokens: createTokenStore(null) }).freshAccessToken()).resolves.toBeUndefined();
  });
});
