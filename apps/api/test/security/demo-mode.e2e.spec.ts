import { ApiChild, stopAll, WorkerChild, type ProcessEnv } from '../support/processes.js';
import { withEnv } from '../support/with-env.js';

/** The environment of a deployment that forgot JWT_SECRET: no NODE_ENV, no DEMO_MODE either. */
function forgetfulEnv(): ProcessEnv {
  const env: ProcessEnv = {
    DATABASE_URL: process.env['DATABASE_URL']!,
    REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `${process.env['REDIS_PREFIX']}:demo`,
    LOG_LEVEL: 'info',
  };
  return env;
}

/** Without the test run's own settings (which set a secret and turn demo mode off). */
const FORGETFUL = { JWT_SECRET: undefined, DEMO_MODE: undefined, NODE_ENV: undefined };

describe('demo mode fails closed', () => {
  afterAll(stopAll);

  it('refuses to start the API or the worker without JWT_SECRET unless DEMO_MODE=true is set', async () => {
    await withEnv(FORGETFUL, async () => {
      await expect(ApiChild.start('api-no-secret', forgetfulEnv())).rejects.toThrow(/JWT_SECRET: required/);
      await expect(WorkerChild.start('worker-no-secret', forgetfulEnv())).rejects.toThrow(/JWT_SECRET: required/);
    });
  }, 60_000);

  it('says so on every start in demo mode', async () => {
    await withEnv(FORGETFUL, async () => {
      const env = { ...forgetfulEnv(), DEMO_MODE: 'true' };
      const api = await ApiChild.start('api-demo', env);
      const worker = await WorkerChild.start('worker-demo', env);
      for (const child of [api, worker]) {
        const warning = child.logs().find((line) => String(line['msg']).startsWith('DEMO MODE'));
        expect(warning).toMatchObject({ level: 40 });
        expect(String(warning?.['msg'])).toMatch(/public secret/);
      }
      await Promise.all([api.stop('SIGTERM'), worker.stop('SIGTERM')]);
    });
  }, 120_000);
});
