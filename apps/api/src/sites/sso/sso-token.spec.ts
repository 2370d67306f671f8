import { createHmac } from 'node:crypto';
import { signSsoToken, verifySsoToken } from './sso-token.js';

const SECRET = 'a-site-secret-of-enough-length-000000';
const NOW = 1_800_000_000;
const good = { sub: 'host-user-1', name: 'Ada Reader', email: 'ada@news.example', exp: NOW + 300 };
const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('verifySsoToken', () => {
  it('accepts an HS256 token with the site’s secret', () => {
    expect(verifySsoToken(signSsoToken(good, SECRET), SECRET, NOW)).toEqual({
      ok: true,
      claims: { sub: 'host-user-1', name: 'Ada Reader', email: 'ada@news.example', exp: NOW + 300 },
    });
  });

  it('refuses a token signed with another secret', () => {
    expect(verifySsoToken(signSsoToken(good, 'another-secret'), SECRET, NOW)).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuses alg none, even without a signature', () => {
    const token = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(good)}.`;
    expect(verifySsoToken(token, SECRET, NOW)).toMatchObject({ ok: false, reason: 'invalid', message: /HS256/ });
  });

  it('refuses another algorithm signed with the secret as a key (RS256, HS512)', () => {
    for (const alg of ['RS256', 'HS512']) {
      const unsigned = `${encode({ alg, typ: 'JWT' })}.${encode(good)}`;
      const token = `${unsigned}.${createHmac('sha256', SECRET).update(unsigned).digest('base64url')}`;
      expect(verifySsoToken(token, SECRET, NOW)).toMatchObject({ ok: false, reason: 'invalid', message: /HS256/ });
    }
  });

  it('refuses an expired token as expired', () => {
    expect(verifySsoToken(signSsoToken({ ...good, exp: NOW }, SECRET), SECRET, NOW)).toMatchObject({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses a token without exp, or with exp more than an hour ahead', () => {
    const { exp: _exp, ...noExp } = good;
    expect(verifySsoToken(signSsoToken(noExp, SECRET), SECRET, NOW)).toMatchObject({ ok: false, message: /exp/ });
    expect(verifySsoToken(signSsoToken({ ...good, exp: NOW + 7200 }, SECRET), SECRET, NOW)).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: /hour/,
    });
  });

  it('refuses a token without sub or name', () => {
    const { sub: _sub, ...noSub } = good;
    expect(verifySsoToken(signSsoToken(noSub, SECRET), SECRET, NOW)).toMatchObject({ ok: false, message: /sub/ });
    expect(verifySsoToken(signSsoToken({ ...good, sub: '  ' }, SECRET), SECRET, NOW)).toMatchObject({ ok: false });
    const { name: _name, ...noName } = good;
    expect(verifySsoToken(signSsoToken(noName, SECRET), SECRET, NOW)).toMatchObject({ ok: false, message: /name/ });
  });

  it('refuses what is not a JWT', () => {
    for (const token of ['', 'abc', 'a.b', 'a.b.c.d', '!!.??.**']) {
      expect(verifySsoToken(token, SECRET, NOW)).toMatchObject({ ok: false, reason: 'invalid' });
    }
  });
});
