/** Codes the API returns in `extensions.code`. Stable: clients switch on them. */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'QUERY_TOO_COMPLEX',
  'TOO_MANY_SUBSCRIPTIONS',
  'SSO_TOKEN_INVALID',
  'SSO_TOKEN_EXPIRED',
  'SSO_TOKEN_REPLAYED',
  'ORIGIN_NOT_REGISTERED',
  /** Commenting needs a verified address (the discussion setting requireVerifiedEmailToComment). */
  'EMAIL_NOT_VERIFIED',
  /** A mailed link (verification, reset, change of address) that was never issued or was tampered with. */
  'TOKEN_INVALID',
  /** A mailed link already followed once. */
  'TOKEN_USED',
  /** A mailed link past its lifetime. */
  'TOKEN_EXPIRED',
  /** The article's discussion is closed (or archived): no new threads, replies, edits or reactions. */
  'COMMENTS_CLOSED',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * An expected failure with a code the client can act on and, for bad input, the field
 * that caused it. Thrown anywhere in the domain; mapped to a GraphQL error once, at the edge.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (field: string, message: string): DomainError =>
  new DomainError('BAD_USER_INPUT', message, field);
export const notFound = (what: string, field?: string): DomainError =>
  new DomainError('NOT_FOUND', `${what} not found`, field);
export const forbidden = (message = 'You are not allowed to do this'): DomainError =>
  new DomainError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in to do this'): DomainError =>
  new DomainError('UNAUTHENTICATED', message);
