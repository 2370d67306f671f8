import { createHash, randomUUID } from 'node:crypto';
import { loadConfig } from '../infra/config/env.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { TestApi, errorCode, type GqlResult } from '../../test/support/api-client.js';

const REFRESH = 'mutation($t: String!) { refreshToken(token: $t) { accessToken refreshToken user { id } } }';
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }';

type Pair = { accessToken: string; refreshToken: string; user: { id: string } };

describe('refresh tokens: rotation and reuse detection', () => {
  let api: TestApi;
  let prisma: PrismaService;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
  });
  afterAll(() => api.close());

  const refresh = (token: string): Promise<GqlResult<{ refreshToken: Pair }>> =>
    api.gql<{ refreshToken: Pair }>(REFRESH, { t: token });
  const rotate = async (token: string): Promise<Pair> => {
    const res = await refresh(token);
    if (!res.data?.refreshToken) throw new Error(`refresh failed: ${JSON.stringify(res.errors)}`);
    return res.data.refreshToken;
  };
  const expectRefused = async (token: string, message = 'Session expired; sign in again'): Promise<void> => {
    const res = await refresh(token);
    expect([errorCode(res), res.errors?.[0]?.message, res.data?.refreshToken ?? null]).toEqual([
      'UNAUTHENTICATED',
      message,
      null,
    ]);
  };

  it('accepts a refresh token once and hands out its successor', async () => {
    const user = await api.register();
    const first = await rotate(user.refreshToken);
    expect(first.user.id).toBe(user.userId);
    expect(first.refreshToken).not.toBe(user.refreshToken);
    const me = await api.gql<{ me: { id: string } }>('{ me { id } }', {}, first.accessToken);
    expect(me.data?.me.id).toBe(user.userId);
    const second = await rotate(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
  });

  it('treats a second use as theft: the whole family is revoked, other sign-ins are not', async () => {
    const user = await api.register();
    const other = await api.gql<{ login: Pair }>(LOGIN, { input: { email: user.email, password: user.password } });
    const successor = await rotate(user.refreshToken);
    const grandchild = await rotate(successor.refreshToken);

    await expectRefused(user.refreshToken);
    // Every token descended from the same sign-in is dead, the newest included.
    await expectRefused(grandchild.refreshToken);
    await expectRefused(successor.refreshToken);
    // A separate sign-in (another device) keeps working.
    await rotate(other.data!.login.refreshToken);
  });

  it('revokes every refresh token of the user on logout', async () => {
    const user = await api.register();
    const other = await api.gql<{ login: Pair }>(LOGIN, { input: { email: user.email, password: user.password } });
    const rotated = await rotate(user.refreshToken);
    const out = await api.gql<{ logout: boolean }>('mutation { logout }', {}, rotated.accessToken);
    expect(out.data?.logout).toBe(true);
    await expectRefused(rotated.refreshToken);
    await expectRefused(other.data!.login.refreshToken);
    const rows = await prisma.refreshToken.findMany({ where: { userId: user.userId } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.revokedAt !== null)).toBe(true);
  });

  it('refuses banned users and tokens issued before a change of token version', async () => {
    const banned = await api.register();
    await prisma.user.update({ where: { id: banned.userId }, data: { status: 'BANNED' } });
    await expectRefused(banned.refreshToken, 'This account is banned');

    const bumped = await api.register();
    await prisma.user.update({ where: { id: bumped.userId }, data: { tokenVersion: { increment: 1 } } });
    await expectRefused(bumped.refreshToken);
  });

  it('refuses expired, revoked, unknown and malformed tokens alike', async () => {
    const expired = await api.register();
    const [id] = expired.refreshToken.split('.');
    await prisma.refreshToken.update({ where: { id: id! }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectRefused(expired.refreshToken);

    const revoked = await api.register();
    await prisma.refreshToken.updateMany({ where: { userId: revoked.userId }, data: { revokedAt: new Date() } });
    await expectRefused(revoked.refreshToken);

    const real = await api.register();
    const [realId] = real.refreshToken.split('.');
    for (const token of [`${randomUUID()}.abc`, `${realId}.wrong-secret`, 'not-a-token', `${realId}.`, '.']) {
      await expectRefused(token);
    }
    // A wrong secret for a real id is not a reuse: the real token still works.
    await rotate(real.refreshToken);
  });

  it('keeps only a hash of the secret, with the configured lifetime', async () => {
    const user = await api.register();
    const [id, secret] = user.refreshToken.split('.');
    const row = await prisma.refreshToken.findUniqueOrThrow({ where: { id: id! } });
    expect(row.tokenHash).toBe(createHash('sha256').update(secret!).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secret);
    const lifetime = (row.expiresAt.getTime() - row.createdAt.getTime()) / 1000;
    expect(Math.abs(lifetime - loadConfig(process.env).JWT_REFRESH_TTL_SECONDS)).toBeLessThan(5);
  });
});
