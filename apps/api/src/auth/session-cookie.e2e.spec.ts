import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../infra/config/env.js';
import { readCookie } from '../infra/http/cookies.js';
import { TestApi, errorCode } from '../../test/support/api-client.js';
import { withEnv } from '../../test/support/with-env.js';

const COOKIE = 'marginalia_refresh';
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { accessToken user { id } } }';

interface Answer {
  status: number;
  setCookie: string | null;
  body: string;
}

/** The browser's session: the refresh token in an HttpOnly cookie on /auth, never in a body the web client reads. */
describe('the session cookie and its routes', () => {
  let api: TestApi;
  const ttl = loadConfig(process.env).JWT_REFRESH_TTL_SECONDS;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  async function post(
    on: TestApi,
    route: string,
    cookie?: string,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const res = await fetch(`${on.url}${route}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(cookie ? { cookie: `${COOKIE}=${cookie}` } : {}),
        ...headers,
      },
      body: '{}',
    });
    return { status: res.status, setCookie: res.headers.get('set-cookie'), body: await res.text() };
  }

  /** Signs in through GraphQL as the web client does; returns the Set-Cookie header and the cookie's value. */
  async function signIn(on: TestApi = api): Promise<{ setCookie: string; cookie: string; userId: string }> {
    const user = await on.register();
    const res = await fetch(`${on.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN, variables: { input: { email: user.email, password: user.password } } }),
    });
    const setCookie = res.headers.get('set-cookie') ?? '';
    if (!setCookie) throw new Error(`login failed: ${await res.text()}`);
    return { setCookie, cookie: cookieOf(setCookie) ?? '', userId: user.userId };
  }

  const cookieOf = (setCookie: string | null): string | undefined =>
    readCookie((setCookie ?? '').split(';')[0], COOKIE);

  it('is set by login and register: HttpOnly, SameSite=Strict, on /auth, for the refresh lifetime', async () => {
    const { setCookie, cookie } = await signIn();
    expect(cookie).toMatch(/^[0-9a-f-]{36}\.[\w-]{40,}$/);
    expect(setCookie).toBe(`${COOKIE}=${cookie}; Path=/auth; HttpOnly; SameSite=Strict; Max-Age=${ttl}`);

    const register = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }',
        variables: {
          input: {
            email: 'cookie-reg@example.test',
            handle: 'cookie_reg',
            password: 'correct horse battery',
            displayName: 'C',
          },
        },
      }),
    });
    expect(register.headers.get('set-cookie')).toMatch(
      /^marginalia_refresh=[^;]+; Path=\/auth; HttpOnly; SameSite=Strict/,
    );
  });

  it('POST /auth/refresh rotates the cookie and answers the access token and user, never the refresh token', async () => {
    const { cookie, userId } = await signIn();
    const res = await post(api, '/auth/refresh', cookie);
    expect(res.status).toBe(200);
    const next = cookieOf(res.setCookie)!;
    expect(next).toBeTruthy();
    expect(next).not.toBe(cookie);
    expect(res.setCookie).toBe(`${COOKIE}=${next}; Path=/auth; HttpOnly; SameSite=Strict; Max-Age=${ttl}`);
    const body = JSON.parse(res.body) as { accessToken: string; user: { id: string } };
    expect(Object.keys(body).sort()).toEqual(['accessToken', 'user']);
    expect(res.body).not.toContain(next.split('.')[1]!);
    expect(res.body).not.toContain(cookie.split('.')[1]!);
    expect(body.user.id).toBe(userId);
    const me = await api.gql<{ me: { id: string } }>('{ me { id } }', {}, body.accessToken);
    expect(me.data?.me.id).toBe(userId);
    expect(res.body).not.toMatch(/refresh/i);
  });

  it('treats a replayed cookie as theft: refused, cleared, and its successor revoked', async () => {
    const { cookie } = await signIn();
    const first = await post(api, '/auth/refresh', cookie);
    const successor = cookieOf(first.setCookie)!;
    const replay = await post(api, '/auth/refresh', cookie);
    expect(replay.status).toBe(401);
    expect(JSON.parse(replay.body)).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'Session expired; sign in again' },
    });
    expect(replay.setCookie).toBe(`${COOKIE}=; Path=/auth; HttpOnly; SameSite=Strict; Max-Age=0`);
    expect((await post(api, '/auth/refresh', successor)).status).toBe(401);
  });

  it('answers 204 without a cookie: nobody is signed in, nothing to restore', async () => {
    const res = await post(api, '/auth/refresh');
    expect([res.status, res.body, res.setCookie]).toEqual([204, '', null]);
  });

  it('POST /auth/logout revokes the family and clears the cookie', async () => {
    const { cookie } = await signIn();
    const out = await post(api, '/auth/logout', cookie);
    expect(out.status).toBe(204);
    expect(out.setCookie).toBe(`${COOKIE}=; Path=/auth; HttpOnly; SameSite=Strict; Max-Age=0`);
    expect((await post(api, '/auth/refresh', cookie)).status).toBe(401);
    // Without a (valid) cookie there is nothing to revoke; the cookie is cleared all the same.
    expect((await post(api, '/auth/logout')).status).toBe(204);
  });

  it('GraphQL logout clears the cookie too', async () => {
    const { cookie } = await signIn();
    const rotated = JSON.parse((await post(api, '/auth/refresh', cookie)).body) as { accessToken: string };
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${rotated.accessToken}` },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(res.headers.get('set-cookie')).toBe(`${COOKIE}=; Path=/auth; HttpOnly; SameSite=Strict; Max-Age=0`);
  });

  it('refuses cross-site attempts without rotating or revoking anything', async () => {
    const { cookie } = await signIn();
    for (const route of ['/auth/refresh', '/auth/logout']) {
      // A form another site posts: no preflight, so the media type is refused.
      const form = await fetch(`${api.url}${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${COOKIE}=${cookie}` },
        body: 'a=1',
      });
      expect([route, form.status, form.headers.get('set-cookie')]).toEqual([route, 415, null]);
      expect(await form.text()).toContain('application/json');
      // A page of another site (its Origin), even with JSON.
      const foreign = await post(api, route, cookie, { origin: 'http://evil.test' });
      expect([route, foreign.status, foreign.setCookie]).toEqual([route, 403, null]);
      expect(JSON.parse(foreign.body)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
    // The site's own pages may: the cookie was neither used nor revoked above.
    const own = await post(api, '/auth/refresh', cookie, {
      origin: new URL(api.url).origin, // the test API's PUBLIC_URL
    });
    expect(own.status).toBe(200);
  });

  it('keeps refusing GraphQL posts that are not JSON (login cannot be forged by a form)', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `query=${encodeURIComponent('mutation { logout }')}`,
    });
    expect(res.status).toBe(415);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('the refreshToken mutation (for API clients) does not set a cookie', async () => {
    const user = await api.register();
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($t: String!) { refreshToken(token: $t) { accessToken } }',
        variables: { t: user.refreshToken },
      }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(errorCode((await res.json()) as { errors?: [] })).toBeUndefined();
  });

  it('keeps /auth out of the web client routes', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'web-dist-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>client</title>');
    await withEnv({ WEB_DIST: dist }, async () => {
      const served = await TestApi.start();
      try {
        const page = await fetch(`${served.url}/a/some-article`);
        expect(await page.text()).toContain('<title>client</title>');
        const auth = await fetch(`${served.url}/auth/refresh`);
        expect(auth.status).toBe(404);
        expect(await auth.text()).not.toContain('<title>client</title>');
      } finally {
        await served.close();
      }
    });
  });

  // Last: passport keeps its strategies in one global registry, and the newest app's replace the
  // others', so the main app's sign-ins would go through an app closed by then.
  it('is Secure exactly when PUBLIC_URL is https', async () => {
    const secure = await TestApi.start({ publicUrl: 'https://talk.example.test' });
    try {
      const { setCookie, cookie } = await signIn(secure);
      expect(setCookie).toMatch(/; Secure$/);
      const rotated = await post(secure, '/auth/refresh', cookie);
      expect(rotated.status).toBe(200);
      expect(rotated.setCookie).toMatch(/; Secure$/);
    } finally {
      await secure.close();
    }
  });
});
