import { Logger } from '@nestjs/common';
import { createHttpApp } from './http-app.js';
import { DEMO_MODE_WARNING, loadConfig } from './infra/config/env.js';
import { checkMailSettings, preflight } from './infra/preflight.js';
import { closeOnSignals, drainRequests } from './infra/shutdown.js';
import { explainStartupError } from './infra/startup-errors.js';

/** The HTTP API process: GraphQL, websockets, health, and the built web client. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  checkMailSettings(config);
  await preflight(config);
  const app = await createHttpApp(config);
  const drain = drainRequests(app);
  await app.listen({ port: config.PORT, host: config.HOST });
  closeOnSignals(app, config.SHUTDOWN_TIMEOUT_MS, new Logger('API'), drain);
  if (config.DEMO_MODE) new Logger('API').warn(DEMO_MODE_WARNING);
  new Logger('API').log(`listening on http://${config.HOST}:${config.PORT} (public address ${config.PUBLIC_URL})`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${explainStartupError(error)}\n`);
  process.exit(1);
});
