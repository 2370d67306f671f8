import { TestApi, errorCode } from '../../test/support/api-client.js';

describe('auth over HTTP', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api.close();
  });

  it('registers, logs in and reads the signed-in user', async () => {
    const user = await api.register();
    const login = await api.gql<{ login: { accessToken: string; user: { id: string; email: string } } }>(
      'mutation($input: LoginInput!) { login(input: $input) { accessToken user { id email } } }',
      { input: { email: user.email.toUpperCase(), password: user.password } },
    );
    expect(login.errors).toBeUndefined();
    expect(login.data?.login.user).toEqual({ id: user.userId, email: user.email });
    const me = await api.gql<{ me: { id: string; role: string } }>(
      '{ me { id role } }',
      {},
      login.data?.login.accessToken,
    );
    expect(me.data?.me).toEqual({ id: user.userId, role: 'READER' });
  });

  it('refuses a wrong password with the same message as an unknown email', async () => {
    const user = await api.register();
    const wrong = await api.gql(
      'mutation { login(input: { email: "' + user.email + '", password: "nope-nope-nope" }) { accessToken } }',
    );
    const unknown = await api.gql(
      'mutation { login(input: { email: "nobody@example.test", password: "nope-nope-nope" }) { accessToken } }',
    );
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(errorCode(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
  });

  it('rejects a duplicate email with CONFLICT naming the field', async () => {
    const user = await api.register();
    const again = await api.gql('mutation($input: RegisterInput!) { register(input: $input) { accessToken } }', {
      input: { email: user.email, handle: 'another_handle_1', password: 'long enough password', displayName: 'X' },
    });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });
  });

  it('validates registration input and names the offending field', async () => {
    const res = await api.gql('mutation($input: RegisterInput!) { register(input: $input) { accessToken } }', {
      input: { email: 'not-an-email', handle: 'ok_handle', password: 'long enough password', displayName: 'X' },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(JSON.stringify(res)).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('signs out everywhere: the old tokens stop working', async () => {
    const user = await api.register();
    const out = await api.gql<{ logout: boolean }>('mutation { logout }', {}, user.token);
    expect(out.data?.logout).toBe(true);
    const me = await api.gql('{ me { id } }', {}, user.token);
    expect(errorCode(me)).toBe('UNAUTHENTICATED');
    const refresh = await api.gql('mutation($t: String!) { refreshToken(token: $t) { accessToken } }', {
      t: user.refreshToken,
    });
    expect(errorCode(refresh)).toBe('UNAUTHENTICATED');
  });

  it('exchanges a refresh token for new tokens but refuses an access token there', async () => {
    const user = await api.register();
    const ok = await api.gql<{ refreshToken: { accessToken: string } }>(
      'mutation($t: String!) { refreshToken(token: $t) { accessToken } }',
      { t: user.refreshToken },
    );
    expect(ok.data?.refreshToken.accessToken).toEqual(expect.any(String));
    const wrongKind = await api.gql('mutation($t: String!) { refreshToken(token: $t) { accessToken } }', {
      t: user.token,
    });
    expect(errorCode(wrongKind)).toBe('UNAUTHENTICATED');
  });

  it('rejects a forged token', async () => {
    const me = await api.gql('{ me { id } }', {}, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad');
    expect(errorCode(me)).toBe('UNAUTHENTICATED');
  });

  it('keeps email addresses private to their owner', async () => {
    const a = await api.register();
    const me = await api.gql<{ me: { email: string } }>('{ me { email } }', {}, a.token);
    expect(me.data?.me.email).toBe(a.email);
  });

  it('limits sign-in attempts per address and email, with a clear error', async () => {
    const user = await api.register();
    const attempt = (): Promise<{ errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }> =>
      api.gql('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', {
        input: { email: user.email, password: 'wrong password!' },
      });
    const limit = Number(process.env['LOGIN_RATE_LIMIT']);
    const codes: unknown[] = [];
    for (let i = 0; i < limit; i++) codes.push(errorCode(await attempt()));
    expect(new Set(codes)).toEqual(new Set(['UNAUTHENTICATED']));
    const blocked = await attempt();
    expect(blocked.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(blocked.errors?.[0]?.message).toMatch(/too many sign-in attempts/i);
  });
});
