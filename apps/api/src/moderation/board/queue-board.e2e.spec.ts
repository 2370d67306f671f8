import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { QUEUES } from '../../infra/queue/jobs.js';
import { TestApi } from '../../test/api-client.js';
import { registerAs } from '../testing/e2e-helpers.js';
import { BOARD_COOKIE, readCookie } from './queue-board.js';

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

  it('is closed to anonymous callers, readers and moderators', async () => {
    const reader = await api.register();
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    expect((await get('/admin/queues')).status).toBe(401);
    expect((await get('/admin/queues/api/queues')).status).toBe(401);
    expect((await get('/admin/queues', { authorization: `Bearer ${reader.token}` })).status).toBe(403);
    expect((await get(`/admin/queues?token=${moderator.token}`)).status).toBe(403);
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

  it('exchanges ?token= for a short-lived cookie that only works on the board', async () => {
    const admin = await registerAs(api, prisma, 'ADMIN');
    const exchange = await get(`/admin/queues?token=${admin.token}`);
    expect(exchange.status).toBe(303);
    expect(exchange.headers.get('location')).toBe('/admin/queues');
    const setCookie = exchange.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly; SameSite=Strict; Max-Age=900/);
    expect(setCookie).toContain('Path=/admin/queues');
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
});
