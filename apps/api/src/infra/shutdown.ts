import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** GraphQL error code of the answer to a request that arrives while the API drains. */
export const SHUTTING_DOWN = 'SHUTTING_DOWN';

/**
 * HTTP drain for SIGTERM. Requests still running while the application closes its
 * connections (Redis, then the database pool) could fail: the returned function is called
 * first. From then on a new request gets 503 with the code SHUTTING_DOWN and
 * `Connection: close`, and the function resolves once every request already taken has
 * been answered. Install before `listen`.
 */
export function drainRequests(app: NestFastifyApplication): () => Promise<void> {
  let inFlight = 0;
  let draining = false;
  let drained: (() => void) | undefined;
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      if (draining) {
        void reply
          .code(503)
          .header('connection', 'close')
          .header('retry-after', '1')
          .send({
            data: null,
            errors: [{ message: 'The server is shutting down; try again', extensions: { code: SHUTTING_DOWN } }],
          });
        return;
      }
      // A websocket (subscriptions) lives until the server closes it: not a request to wait for.
      if (request.headers.upgrade?.toLowerCase() === 'websocket') return done();
      inFlight += 1;
      // `close` fires once the answer is sent or the client went away.
      reply.raw.once('close', () => {
        inFlight -= 1;
        if (draining && inFlight === 0) drained?.();
      });
      done();
    });
  return () => {
    draining = true;
    return inFlight === 0 ? Promise.resolve() : new Promise((resolve) => (drained = resolve));
  };
}

/**
 * SIGTERM/SIGINT: drain (if given), then close the application (HTTP stops accepting,
 * jobs finish, pools close); if that takes longer than the timeout, exit anyway. The only
 * signal handler: Nest's `enableShutdownHooks` would close at once, without the drain, and
 * then re-raise the signal.
 */
export function closeOnSignals(
  app: INestApplicationContext,
  timeoutMs: number,
  logger: LoggerService,
  drain: () => Promise<void> = () => Promise.resolve(),
): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received: draining`);
    const timer = setTimeout(() => {
      logger.error(`shutdown took longer than ${timeoutMs} ms; exiting`);
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    drain()
      .then(() => app.close())
      .then(() => {
        logger.log('shut down cleanly');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error(`shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
