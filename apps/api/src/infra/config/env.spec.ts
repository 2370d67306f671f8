import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, cookiesSecure, Env, loadConfig, trustProxyOf } from './env.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');

describe('configuration', () => {
  it('has safe local defaults', () => {
    const config = loadConfig({ DEMO_MODE: 'true' });
    expect(config.DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/marginalia');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.PORT).toBe(3000);
    expect(config.DEMO_MODE).toBe(true);
    expect(config.PUBLIC_URL).toBe('http://localhost:3000');
    expect(config.TRUST_PROXY).toBe('');
  });

  it('turns demo mode on only when asked: without NODE_ENV or DEMO_MODE a JWT secret is required', () => {
    for (const env of [{}, { NODE_ENV: 'development' }, { NODE_ENV: 'test' }, { NODE_ENV: 'production' }]) {
      expect(() => loadConfig(env)).toThrow(/JWT_SECRET: required/);
    }
    expect(loadConfig({ JWT_SECRET: 'x'.repeat(32) }).DEMO_MODE).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).DEMO_MODE).toBe(false);
    expect(loadConfig({ DEMO_MODE: 'true' }).DEMO_MODE).toBe(true);
  });

  it('believes no forwarded address unless TRUST_PROXY names the proxies', () => {
    expect(trustProxyOf('')).toBe(false);
    expect(trustProxyOf('false')).toBe(false);
    const oneHop = trustProxyOf('1') as (address: string, hop: number) => boolean;
    expect([oneHop('10.0.0.2', 0), oneHop('203.0.113.9', 1)]).toEqual([true, false]);
    expect(trustProxyOf('10.0.0.0/8, loopback')).toEqual(['10.0.0.0/8', 'loopback']);
    const secret = { JWT_SECRET: 'x'.repeat(32) };
    expect(() => loadConfig({ ...secret, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ ...secret, TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY: "10.0.0.0\/33"/);
    expect(() => loadConfig({ ...secret, TRUST_PROXY: '1.2.3' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ ...secret, TRUST_PROXY: '::1, 192.168.0.0/16' }).TRUST_PROXY).toBe('::1, 192.168.0.0/16');
  });

  it('reads the mail settings: an smtp(s) URL or none, and a From defaulting to the site at PUBLIC_URL', () => {
    const secret = { JWT_SECRET: 'x'.repeat(32) };
    const defaults = loadConfig({ ...secret, SMTP_URL: '', PUBLIC_URL: 'https://talk.example.org' });
    expect(defaults.SMTP_URL).toBeNull();
    expect(defaults.MAIL_FROM).toBe('Marginalia <no-reply@talk.example.org>');
    const set = loadConfig({
      ...secret,
      SMTP_URL: 'smtps://u:p@mail.example.org:465',
      MAIL_FROM: 'Talk <talk@example.org>',
    });
    expect(set.SMTP_URL).toBe('smtps://u:p@mail.example.org:465');
    expect(set.MAIL_FROM).toBe('Talk <talk@example.org>');
    expect(() => loadConfig({ ...secret, SMTP_URL: 'http://mail.example.org' })).toThrow(/SMTP_URL must be an smtp/);
    expect(() => loadConfig({ ...secret, MAIL_FROM: 'not an address' })).toThrow(/MAIL_FROM must be/);
  });

  it('builds absolute URLs from PUBLIC_URL, and makes cookies Secure when it is https', () => {
    const secret = { JWT_SECRET: 'x'.repeat(32) };
    expect(loadConfig({ ...secret, PORT: '4000' }).PUBLIC_URL).toBe('http://localhost:4000');
    const https = loadConfig({ ...secret, PUBLIC_URL: 'https://talk.example.org/' });
    expect(https.PUBLIC_URL).toBe('https://talk.example.org');
    expect(cookiesSecure(https)).toBe(true);
    expect(cookiesSecure(loadConfig(secret))).toBe(false);
    expect(() => loadConfig({ ...secret, PUBLIC_URL: 'talk.example.org' })).toThrow(/PUBLIC_URL must be an absolute/);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be at least 32 characters/);
    expect(() => loadConfig({ DEMO_MODE: 'true', REDIS_SENTINELS: 'sentinel-a' })).toThrow(
      /REDIS_SENTINELS must be host:port pairs/,
    );
    expect(() => loadConfig({ DEMO_MODE: 'true', REDIS_SENTINELS: 'a:26379', REDIS_CLUSTER_NODES: 'b:6379' })).toThrow(
      /either REDIS_CLUSTER_NODES .* or REDIS_SENTINELS .*, not both/,
    );
  });

  it('documents every variable in .env.example', () => {
    const documented = readFileSync(path.join(root, '.env.example'), 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => line.split('=')[0])
      .sort();
    expect(documented).toEqual(
      Object.keys(new Env()).concat(['DEMO_MODE', 'JWT_SECRET', 'PUBLIC_URL', 'SMTP_URL', 'MAIL_FROM']).sort(),
    );
  });

  it('keeps docker-compose consistent with the services and variables', () => {
    const compose = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
    for (const service of ['postgres', 'redis', 'api', 'worker', 'web']) {
      expect(compose).toMatch(new RegExp(`^  ${service}:`, 'm'));
    }
    const variables = [...compose.matchAll(/^\s+([A-Z_]+):/gm)].map((m) => m[1]);
    const known = new Set([
      ...Object.keys(new Env()),
      'DEMO_MODE',
      'JWT_SECRET',
      'PUBLIC_URL',
      'SMTP_URL',
      'MAIL_FROM',
      'POSTGRES_PASSWORD',
      'POSTGRES_DB',
    ]);
    expect(variables.filter((v) => !known.has(v!))).toEqual([]);
    // The API is reached through nginx; its own port only from the host itself.
    expect(compose).toContain("'127.0.0.1:3000:3000'");
  });
});
