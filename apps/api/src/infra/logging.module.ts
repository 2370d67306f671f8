import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { loadConfig } from './config/env.js';
import { prettyLogs } from './log-format.js';

/**
 * The URL with the values of `token`-like query parameters replaced: no route takes a token
 * in its URL, but an old link or a confused client may still send one.
 */
export function withoutUrlSecrets(url: string): string {
  return url.replace(/([?&](?:[a-z_]*token|password)=)[^&#]*/gi, '$1[redacted]');
}

/** One line per event: time, level, `[context] message`, then any other fields. */
const PRETTY_OPTIONS = {
  translateTime: 'SYS:HH:MM:ss.l',
  ignore: 'pid,hostname,context',
  messageFormat: '{if context}[{context}] {end}{msg}',
  singleLine: true,
};

/**
 * Structured logs, JSON or readable on a terminal (LOG_FORMAT); each request carries an id,
 * and secrets never reach a log line.
 */
export const AppLoggerModule = LoggerModule.forRootAsync({
  useFactory: () => {
    const config = loadConfig(process.env);
    return {
      pinoHttp: {
        level: config.LOG_LEVEL,
        transport: prettyLogs({
          format: config.LOG_FORMAT,
          nodeEnv: config.NODE_ENV,
          ci: process.env['CI'],
          tty: process.stdout.isTTY === true,
        })
          ? { target: 'pino-pretty', options: PRETTY_OPTIONS }
          : undefined,
        genReqId: (req) =>
          typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : randomUUID(),
        redact: {
          paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.passwordHash', '*.token'],
          remove: true,
        },
        // GraphQL requests get their own access line (infra/graphql/graphql-access-log.ts).
        autoLogging: { ignore: (req) => req.url === '/health' || /^\/graphql(\?|$)/.test(req.url ?? '') },
        serializers: {
          req: (req: { id: string; method: string; url: string }) => ({
            id: req.id,
            method: req.method,
            url: withoutUrlSecrets(req.url),
          }),
        },
      },
    };
  },
});
