/** Why a URL import could not get its page. */
export type FetchErrorCode =
  | 'BAD_URL'
  | 'BLOCKED_ADDRESS'
  | 'UNREACHABLE'
  | 'TIMEOUT'
  | 'TOO_MANY_REDIRECTS'
  | 'HTTP_ERROR'
  | 'UNSUPPORTED_TYPE'
  | 'TOO_LARGE';

/**
 * A failed fetch, with a message meant for the admin. `retryable` separates what may
 * pass on its own (timeouts, refused connections, 5xx, 429) from what never will.
 */
export class FetchError extends Error {
  override readonly name = 'FetchError';

  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly retryable = false,
  ) {
    super(message);
  }
}
