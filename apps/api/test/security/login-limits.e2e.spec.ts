import { TestApi, type GqlResult } from '../support/api-client.js';
import { withEnv } from '../support/with-env.js';

const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }';
const REGISTER = 'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }';

type Result = GqlResult<Record<string, unknown>> & { status: number };

/** Sends a sign-in with a chosen X-Forwarded-For, as any client can. */
async function login(api: TestApi, email: string, password: string, forwardedFor?: string): Promise<Result> {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify({ query: LOGIN, variables: { input: { email, password } } }),
  });
  return { ...((await res.json()) as GqlResult<Record<string, unknown>>), status: res.status };
}

async function register(api: TestApi, n: string, forwardedFor?: string): Promise<Result> {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify({
      query: REGISTER,
      variables: {
        input: { email: `${n}@example.test`, handle: n, password: 'correct horse battery', displayName: n },
      },
    }),
  });
  return { ...((await res.json()) as GqlResult<Record<string, unknown>>), status: res.status };
}

const codeOf = (result: Result): unknown => result.errors?.[0]?.extensions?.['code'];
const spoofed = (i: number): string => `203.0.113.${i % 250}, 198.51.100.${i % 250}`;
const unique = (): string => `u${Math.random().toString(36).slice(2, 12)}`;

/** Runs `work` against an API started with these settings and counters of its own. */
function withApi(settings: Record<string, string>, work: (api: TestApi) => Promise<void>): Promise<void> {
  return withEnv({ ...settings, REDIS_PREFIX: `${process.env['REDIS_PREFIX']}:${unique()}` }, async () => {
    const api = await TestApi.start();
    try {
      await work(api);
    } finally {
      await api.close();
    }
  });
}

describe('sign-in and registration limits cannot be walked around', () => {
  it('ignores X-Forwarded-For from clients: thirty guesses with new addresses hit the limit', async () => {
    await withApi({ TRUST_PROXY: '', LOGIN_RATE_LIMIT: '10', LOGIN_ACCOUNT_FAILURE_LIMIT: '100' }, async (api) => {
      const user = await api.register();
      const codes: unknown[] = [];
      for (let i = 0; i < 30; i++) codes.push(codeOf(await login(api, user.email, 'wrong password!', spoofed(i))));
      expect(codes.slice(0, 10)).toEqual(Array(10).fill('UNAUTHENTICATED'));
      expect(codes.slice(10)).toEqual(Array(20).fill('RATE_LIMITED'));
    });
  });

  it('locks an account after repeated failed sign-ins from rotating addresses, even behind a trusted proxy', async () => {
    const env = { TRUST_PROXY: '127.0.0.1', LOGIN_RATE_LIMIT: '10', LOGIN_ACCOUNT_FAILURE_LIMIT: '8' };
    await withApi(env, async (api) => {
      const victim = await api.register();
      const neighbour = await api.register();
      const codes: unknown[] = [];
      // Each guess comes from a new address the trusted proxy vouches for: the per-address limit never trips.
      for (let i = 0; i < 30; i++)
        codes.push(codeOf(await login(api, victim.email, 'wrong password!', `203.0.113.${i}`)));
      expect(codes.slice(0, 8)).toEqual(Array(8).fill('UNAUTHENTICATED'));
      expect(codes.slice(8)).toEqual(Array(22).fill('RATE_LIMITED'));
      // Locked: even the right password waits out the lockout window, which the error names.
      const locked = await login(api, victim.email, victim.password, '203.0.113.200');
      expect(codeOf(locked)).toBe('RATE_LIMITED');
      expect(locked.errors?.[0]?.message).toMatch(/failed sign-ins for this account/i);
      expect(locked.errors?.[0]?.extensions?.['retryAfterSeconds']).toBeGreaterThan(60);
      // Another reader at the same address signs in: one reader's failures never lock out another.
      const ok = await login(api, neighbour.email, neighbour.password, '203.0.113.7');
      expect(ok.errors).toBeUndefined();
    });
  });

  it('a successful sign-in clears the count of failures', async () => {
    await withApi({ TRUST_PROXY: '', LOGIN_RATE_LIMIT: '100', LOGIN_ACCOUNT_FAILURE_LIMIT: '5' }, async (api) => {
      const user = await api.register();
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 4; i++)
          expect(codeOf(await login(api, user.email, 'typo typo typo'))).toBe('UNAUTHENTICATED');
        expect((await login(api, user.email, user.password)).errors).toBeUndefined();
      }
    });
  });

  it('limits registrations per address (not the spoofable one) and across the site', async () => {
    await withApi({ TRUST_PROXY: '', REGISTER_RATE_LIMIT: '5', REGISTER_SITE_RATE_LIMIT: '1000' }, async (api) => {
      const codes: unknown[] = [];
      for (let i = 0; i < 8; i++) codes.push(codeOf(await register(api, unique(), spoofed(i))));
      expect(codes).toEqual([...Array(5).fill(undefined), ...Array(3).fill('RATE_LIMITED')]);
    });
    await withApi(
      { TRUST_PROXY: '127.0.0.1', REGISTER_RATE_LIMIT: '100', REGISTER_SITE_RATE_LIMIT: '6' },
      async (api) => {
        const codes: unknown[] = [];
        for (let i = 0; i < 9; i++) codes.push(codeOf(await register(api, unique(), `198.51.100.${i}`)));
        expect(codes).toEqual([...Array(6).fill(undefined), ...Array(3).fill('RATE_LIMITED')]);
      },
    );
  });
});
