import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, Env, loadConfig } from './env.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');

describe('configuration', () => {
  it('has safe local defaults', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/marginalia');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.PORT).toBe(3000);
    expect(config.DEMO_MODE).toBe(true);
  });

  it('requires a JWT secret outside demo mode', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: required outside demo mode/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).DEMO_MODE).toBe(false);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be at least 32 characters/);
  });

  it('documents every variable in .env.example', () => {
    const documented = readFileSync(path.join(root, '.env.example'), 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => line.split('=')[0])
      .sort();
    expect(documented).toEqual(Object.keys(new Env()).concat(['DEMO_MODE', 'JWT_SECRET']).sort());
  });

  it('keeps docker-compose consistent with the services and variables', () => {
    const compose = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
    for (const service of ['postgres', 'redis', 'api', 'worker', 'web']) {
      expect(compose).toMatch(new RegExp(`^  ${service}:`, 'm'));
    }
    const variables = [...compose.matchAll(/^\s+([A-Z_]+):/gm)].map((m) => m[1]);
    const known = new Set([...Object.keys(new Env()), 'DEMO_MODE', 'JWT_SECRET', 'POSTGRES_PASSWORD', 'POSTGRES_DB']);
    expect(variables.filter((v) => !known.has(v!))).toEqual([]);
    expect(compose).toContain("'3000:3000'");
  });
});
