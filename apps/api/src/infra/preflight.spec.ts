import { checkMailSettings, preflight, StartupError } from './preflight.js';
import { explainStartupError } from './startup-errors.js';

describe('start-up checks', () => {
  const ok = {
    DATABASE_URL: process.env['DATABASE_URL']!,
    REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    REDIS_CLUSTER_NODES: '',
    REDIS_SENTINELS: '',
    REDIS_SENTINEL_NAME: 'marginalia',
  };

  it('passes when PostgreSQL and Redis answer', async () => {
    await expect(preflight(ok)).resolves.toBeUndefined();
  });

  it('says PostgreSQL is unreachable, where it looked and how to fix it', async () => {
    const error = await preflight({ ...ok, DATABASE_URL: 'postgresql://postgres:secret@127.0.0.1:1/marginalia' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StartupError);
    const text = explainStartupError(error);
    expect(text).toContain('cannot reach PostgreSQL at postgresql://postgres:***@127.0.0.1:1/marginalia');
    expect(text).toContain('DATABASE_URL');
    expect(text).not.toContain('secret');
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('says Redis is unreachable, where it looked and how to fix it', async () => {
    const error = await preflight({ ...ok, REDIS_URL: 'redis://127.0.0.1:1' }).catch((e: unknown) => e);
    const text = explainStartupError(error);
    expect(text).toContain('cannot reach Redis at redis://127.0.0.1:1');
    expect(text).toContain('REDIS_URL');
  });

  it('refuses to start without a mail server outside demo mode, naming SMTP_URL', () => {
    const error = (() => {
      try {
        checkMailSettings({ SMTP_URL: null, DEMO_MODE: false });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(StartupError);
    expect(explainStartupError(error)).toContain('SMTP_URL is not set');
    // Demo mode catches mail itself; a named server is enough anywhere.
    expect(() => checkMailSettings({ SMTP_URL: null, DEMO_MODE: true })).not.toThrow();
    expect(() => checkMailSettings({ SMTP_URL: 'smtp://mail.example.org:587', DEMO_MODE: false })).not.toThrow();
  });

  it('says a Redis Cluster is unreachable, naming its nodes', async () => {
    const error = await preflight({ ...ok, REDIS_CLUSTER_NODES: '127.0.0.1:1,127.0.0.1:2' }).catch((e: unknown) => e);
    const text = explainStartupError(error);
    expect(text).toContain('cannot reach the Redis Cluster at 127.0.0.1:1,127.0.0.1:2');
    expect(text).toContain('REDIS_CLUSTER_NODES');
  });

  it('says Sentinels are unreachable, naming them and the primary they were asked for', async () => {
    const error = await preflight({ ...ok, REDIS_SENTINELS: '127.0.0.1:1', REDIS_SENTINEL_NAME: 'news' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StartupError);
    const text = explainStartupError(error);
    expect(text).toContain('cannot reach the Redis primary "news" of the Sentinels at 127.0.0.1:1');
    expect(text).toContain('REDIS_SENTINELS');
  });
});
