import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { TestApi } from '../support/api-client.js';
import { captureStdout } from '../support/capture-stdout.js';

// Its own file: nestjs-pino keeps one root logger per module registry, built at the level
// of the first app started, so this app must be the first one here.

describe('logs', () => {
  it('never contain passwords or tokens, even at trace level', async () => {
    const saved = process.env['LOG_LEVEL'];
    process.env['LOG_LEVEL'] = 'trace';
    const capture = captureStdout();
    let api: TestApi | undefined;
    try {
      api = await TestApi.start();
      const password = 'Secret-Pass-9f3k2-unique';
      const wrong = 'Wrong-Pass-7x1q-unique';
      const user = await api.register({ password });
      const login = await api.gql<{ login: { accessToken: string; refreshToken: string } }>(
        'mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }',
        { input: { email: user.email, password } },
      );
      // The browser's session routes: the refresh cookie rotated, then the sign-in ended.
      const rotated = await fetch(`${api.url}/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `marginalia_refresh=${login.data!.login.refreshToken}` },
        body: '{}',
      });
      const cookie = (rotated.headers.get('set-cookie') ?? '').split(';')[0]!.split('=')[1] ?? '';
      const { accessToken: rotatedAccess } = (await rotated.json()) as { accessToken: string };
      await fetch(`${api.url}/auth/logout`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `marginalia_refresh=${cookie}` },
        body: '{}',
      });
      await api.gql('{ me { id } }', {}, login.data!.login.accessToken);
      await api.gql('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', {
        input: { email: user.email, password: wrong },
      });
      // A refused registration and a refresh go through the validation and error paths too.
      await api.gql('mutation($input: RegisterInput!) { register(input: $input) { accessToken } }', {
        input: { email: 'not-an-email', handle: 'h_x', password: wrong, displayName: 'X' },
      });
      await api.gql('mutation($t: String!) { refreshToken(token: $t) { accessToken } }', { t: user.refreshToken });
      // Variables in a GET query string, and a password posted as a form (refused), stay out of the logs too.
      const params = new URLSearchParams({ query: 'query($s: String) { articles(search: $s) { nodes { id } } }' });
      params.set('variables', JSON.stringify({ s: wrong }));
      await (await fetch(`${api.url}/graphql?${params.toString()}`)).text();
      await (
        await fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ query: 'mutation { logout }', password }).toString(),
        })
      ).text();
      // The queue board: its session exchange, and an old-style link with the token in the URL (refused).
      await api.app.get(PrismaService).user.update({ where: { id: user.userId }, data: { role: 'ADMIN' } });
      const board = await fetch(`${api.url}/admin/queues/session`, {
        method: 'POST',
        headers: { authorization: `Bearer ${login.data!.login.accessToken}` },
      });
      const boardCookie = (board.headers.get('set-cookie') ?? '').split(';')[0]!.split('=')[1] ?? '';
      await (
        await fetch(`${api.url}/admin/queues?token=${login.data!.login.accessToken}`, { redirect: 'manual' })
      ).text();
      await (await fetch(`${api.url}/admin/queues/api/queues?x=1&token=${user.token}`)).text();
      const logged = capture.text();
      // The capture works: the app logged at trace level while we listened.
      expect(logged).toMatch(/"level":\d+.*Starting Nest application/);
      // Every GraphQL request above has its access line.
      expect(logged.match(/"msg":"graphql request"/g)?.length).toBeGreaterThanOrEqual(7);
      const secrets = [password, wrong, user.token, user.refreshToken, login.data!.login.accessToken, boardCookie];
      secrets.push(login.data!.login.refreshToken, cookie, rotatedAccess);
      expect(secrets.filter((secret) => secret && logged.includes(secret))).toEqual([]);
      expect([board.status, rotated.status, cookie.length > 40]).toEqual([204, 200, true]);
    } finally {
      capture.restore();
      if (saved === undefined) delete process.env['LOG_LEVEL'];
      else process.env['LOG_LEVEL'] = saved;
      await api?.close();
    }
  });
});
