import { ConfigError } from './config/env.js';
import { StartupError } from './preflight.js';

/**
 * Turns a start-up failure into text a person can act on. Known problems (configuration,
 * unreachable services, a busy port) are explained; anything else is summarised in one
 * line, never as a stack trace.
 */
export function explainStartupError(error: unknown): string {
  if (error instanceof ConfigError)
    return `Marginalia cannot start. ${error.message}\nSee .env.example for every setting.`;
  if (error instanceof StartupError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  if ((error as { code?: string }).code === 'EADDRINUSE') {
    return `Marginalia cannot listen: ${message}. Set PORT to a free port.`;
  }
  return `Marginalia failed to start: ${message}`;
}
