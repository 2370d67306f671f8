import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { QUEUES } from '../../infra/queue/jobs.js';
import { TestApi } from '../../../test/support/api-client.js';
import { registerAs } from '../../../test/support/moderation/e2e-helpers.js';
import { readCookie } from '../../infra/http/cookies.js';
import { BOARD_COOKIE } from './queue-board.js';

describe('Bull Board at /admin/queues', () => {
  let api: TestApi;
  let prisma: PrismaService;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
  });
  afterAll(() => api.close());

  const get = (path: string, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${api.url}${path}`, { headers, redirect: 'manual' });
  const openSession = (headers: Record<string, string> = {}, on = api): Promise<Response> =>
    fetch(`${on.url}/admin/queues/session`, { method: 'POST', headers, redirect: 'manual' });

  it('is closed to anonymous callers, readers and moderators', async () => {
    const reader = await api.register();
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    expect((await get('/admin/queues')).status).toBe(401);
    expect((await get('/admin/queues/api/queues')).status).toBe(401);
    expect((await get('/admin/queues', { authorization: `Bearer ${reader.token}` })).status).toBe(403);
    expect((await get('/admin/queues', { authorization: `Bearer ${moderator.token}` })).status).toBe(403);
    expect((await get('/admin/queues', { cookie: `${BOARD_COOKIE}=${moderator.token}` })).status).toBe(401);
  });

  it('shows every queue to an admin with a Bearer token', async () => {
    const admin = await registerAs(api, prisma, 'ADMIN');
    const page = await get('/admin/queues', { authorization: `Bearer ${admin.token}` });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Marginalia queues</title>');
    const queues = await get('/admin/queues/api/queues', { authorization: `Bearer ${admin.token}` });
    expect(queues.status).toBe(200);
    const body = (await queues.json()) as { queues: Array<{ name: string }> };
    expect(body.queues.map((q) => q.name).sort()).toEqual([...QUEUES].sort());
  });

  it('exchanges an access token for a short-lived cookie with a POST; the cookie only works on the board', async () => {
    const admin = await registerAs(api, prisma, 'ADMIN');
    const exchange = await openSession({ authorization: `Bearer ${admin.token}` });
    expect(exchange.status).toBe(204);
    expect(exchange.headers.get('cache-control')).toBe('no-store');
    const setCookie = exchange.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly; SameSite=Strict; Max-Age=900/);
    expect(setCookie).toContain('Path=/admin/queues');
    expect(setCookie).not.toContain('Secure');
    const cookie = readCookie(setCookie.split(';')[0], BOARD_COOKIE)!;
    const page = await get('/admin/queues/api/queues', { cookie: `${BOARD_COOKIE}=${cookie}` });
    expect(page.status).toBe(200);
    // The board cookie is not an API token.
    const me = await api.gql<{ me: unknown }>('{ me { id } }', {}, cookie);
    expect(me.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    // Signing out everywhere closes the board too.
    await prisma.user.update({ where: { id: admin.userId }, data: { tokenVersion: { increment: 1 } } });
    expect((await get('/admin/queues/api/queues', { cookie: `${BOARD_COOKIE}=${cookie}` })).status).toBe(401);
  });

  it('refuses the exchange to anonymous callers, readers, moderators and board cookies', async () => {
    const reader = await api.register();
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    const admin = await registerAs(api, prisma, 'ADMIN');
    const board = await openSession({ authorization: `Bearer ${admin.token}` });
    const cookie = (board.headers.get('set-cookie') ?? '').split(';')[0]!;
    const refused = [
      await openSession(),
      await openSession({ authorization: `Bearer ${reader.token}` }),
      await openSession({ authorization: `Bearer ${moderator.token}` }),
      await openSession({ authorization: 'Bearer not-a-token' }),
      // The cookie opens the board but cannot mint another one.
      await openSession({ cookie }),
    ];
    expect(refused.map((res) => res.status)).toEqual([401, 403, 403, 401, 401]);
    expect(refused.map((res) => res.headers.get('set-cookie'))).toEqual([null, null, null, null, null]);
  });

  it('refuses the exchange from another site', async () => {
    const admin = await registerAs(api, prisma, 'ADMIN');
    const foreign = await openSession({ authorization: `Bearer ${admin.token}`, origin: 'http://evil.test' });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('set-cookie')).toBeNull();
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    // The site itself (PUBLIC_URL's origin) may.
    const own = await openSession({
      authorization: `Bearer ${admin.token}`,
      origin: new URL(api.url).origin, // the test API's PUBLIC_URL
    });
    expect(own.status).toBe(204);
  });

  it('no longer opens anything with ?token= in the URL, and does not echo the token', async () => {
    const admin = await registerAs(api, prisma, 'ADMIN');
    for (const path of [`/admin/queues?token=${admin.token}`, `/admin/queues/api/queues?token=${admin.token}`]) {
      const res = await get(path);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.headers.get('set-cookie')).toBeNull();
      const text = await res.text();
      expect(text).toContain('POST /admin/queues/session');
      expect(text).not.toContain(admin.token);
    }
  });

  it('makes the cookie Secure exactly when PUBLIC_URL is https', async () => {
    const admin = await registerAs(api, prisma, 'ADMIN');
    const secure = await TestApi.start({ publicUrl: 'https://talk.example.test' });
    try {
      const res = await openSession({ authorization: `Bearer ${admin.token}` }, secure);
      expect(res.status).toBe(204);
      expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      await secure.close();
    }
  });
});
