import { ContentError } from '@marginalia/content';
import { FetchError } from './fetch/fetch-error.js';

/** An import that failed for a reason the admin can act on. */
export interface ImportFailure {
  code: string;
  message: string;
  /** Worth trying again (a flaky network); bad input never is. */
  retryable: boolean;
}

/** The failure behind `error` when it is about the input; undefined for unexpected errors. */
export function importFailureOf(error: unknown): ImportFailure | undefined {
  if (error instanceof ContentError) {
    const where = error.field ? ` (at ${error.field})` : '';
    return { code: error.code, message: `${error.message}${where}`, retryable: false };
  }
  if (error instanceof FetchError) return { code: error.code, message: error.message, retryable: error.retryable };
  return undefined;
}

export function describeFailure(failure: ImportFailure): string {
  return `${failure.code}: ${failure.message}`;
}
