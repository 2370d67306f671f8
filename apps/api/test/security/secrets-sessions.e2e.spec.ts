import { JwtService } from '@nestjs/jwt';
import { ConfigError, loadConfig } from '../../src/infra/config/env.js';
import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { TestApi, errorCode } from '../support/api-client.js';
import { withEnv } from '../support/with-env.js';

describe('secrets and sessions', () => {
  it('refuses to start outside demo mode without a JWT secret', async () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'development', DEMO_MODE: 'false' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/at least 32/);
    await withEnv({ JWT_SECRET: undefined, DEMO_MODE: 'false', NODE_ENV: 'production' }, async () => {
      await expect(TestApi.start()).rejects.toThrow(/JWT_SECRET/);
    });
  });

  describe('with a running API', () => {
    let api: TestApi;

    beforeAll(async () => {
      api = await TestApi.start();
    });
    afterAll(async () => {
      await api.close();
    });

    it('issues access tokens for the configured lifetime and refuses them once expired', async () => {
      const user = await api.register();
      const jwt = api.app.get(JwtService);
      const claims = jwt.decode<{ iat: number; exp: number }>(user.token);
      expect(claims.exp - claims.iat).toBe(loadConfig(process.env).JWT_ACCESS_TTL_SECONDS);

      // Three seconds (whole seconds from a truncated iat): at least two left for the first request on a busy machine.
      const shortLived = await jwt.signAsync({ sub: user.userId, typ: 'access', ver: 0 }, { expiresIn: 3 });
      const before = await api.gql<{ me: { id: string } }>('{ me { id } }', {}, shortLived);
      expect(before.data?.me.id).toBe(user.userId);
      await new Promise((r) => setTimeout(r, 3_100));
      const after = await api.gql('{ me { id } }', {}, shortLived);
      expect(errorCode(after)).toBe('UNAUTHENTICATED');
      expect(after.errors?.[0]?.message).toMatch(/expired/i);
      expect(after.data?.me ?? null).toBeNull();
    });

    it('refuses a token signed with another secret or algorithm', async () => {
      const user = await api.register();
      const forged = await new JwtService({ secret: 'x'.repeat(40) }).signAsync({
        sub: user.userId,
        typ: 'access',
        ver: 0,
      });
      expect(errorCode(await api.gql('{ me { id } }', {}, forged))).toBe('UNAUTHENTICATED');
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      const body = Buffer.from(JSON.stringify({ sub: user.userId, typ: 'access', ver: 0 })).toString('base64url');
      expect(errorCode(await api.gql('{ me { id } }', {}, `${header}.${body}.`))).toBe('UNAUTHENTICATED');
    });

    it('hashes passwords with Argon2id at OWASP parameters', async () => {
      const user = await api.register();
      const row = await api.app.get(PrismaService).user.findUniqueOrThrow({ where: { id: user.userId } });
      expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(row.passwordHash).not.toContain(user.password);
    });
  });
});
