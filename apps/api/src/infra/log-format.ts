import type { AppConfig } from './config/env.js';

export type LogFormat = 'auto' | 'pretty' | 'json';

export interface LogFormatContext {
  format: LogFormat;
  nodeEnv: AppConfig['NODE_ENV'];
  /** The CI variable as CI services set it (`true`, `1`). */
  ci: string | undefined;
  /** Whether stdout is a terminal. */
  tty: boolean;
}

/**
 * Whether log lines are printed for a person (pino-pretty) rather than as JSON. `auto` is
 * pretty only on a terminal outside production and CI: log collectors, containers and the
 * tests that parse child processes' output all read stdout through a pipe, and get JSON.
 */
export function prettyLogs({ format, nodeEnv, ci, tty }: LogFormatContext): boolean {
  switch (format) {
    case 'pretty':
      return true;
    case 'json':
      return false;
    case 'auto':
      return tty && nodeEnv !== 'production' && !isSet(ci);
  }
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && !['', '0', 'false'].includes(value.toLowerCase());
}
