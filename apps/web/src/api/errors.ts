/**
 * Turning whatever the transport returns into one error type the UI can show. The API puts
 * a stable `extensions.code` on every GraphQL error and, for bad input, `extensions.field`.
 */

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'QUERY_TOO_COMPLEX'
  | 'TOO_MANY_SUBSCRIPTIONS'
  | 'SSO_TOKEN_INVALID'
  | 'SSO_TOKEN_EXPIRED'
  | 'SSO_TOKEN_REPLAYED'
  | 'ORIGIN_NOT_REGISTERED'
  | 'EMAIL_NOT_VERIFIED'
  | 'TOKEN_INVALID'
  | 'TOKEN_USED'
  | 'TOKEN_EXPIRED'
  | 'COMMENTS_CLOSED'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK_ERROR';

export interface GraphQLErrorItem {
  message: string;
  code: string;
  /** Input field the error is about, normalised to its last path segment ("input.email" → "email"). */
  field?: string;
}

/** Messages for when the server gives none (or the transport failed before it could). */
const FALLBACK_MESSAGES: Record<ErrorCode, string> = {
  BAD_USER_INPUT: 'Please check what you entered.',
  UNAUTHENTICATED: 'Please sign in to continue.',
  FORBIDDEN: 'You are not allowed to do that.',
  NOT_FOUND: 'That could not be found.',
  CONFLICT: 'That conflicts with something that already exists.',
  RATE_LIMITED: 'You are doing that too often. Please wait a moment and try again.',
  PAYLOAD_TOO_LARGE: 'That is too long.',
  GRAPHQL_VALIDATION_FAILED: 'The app sent a request the server did not understand. Try reloading.',
  QUERY_TOO_COMPLEX: 'That request asks for too much at once. Try reloading.',
  TOO_MANY_SUBSCRIPTIONS: 'Too many live views are open at once. Close one and try again.',
  SSO_TOKEN_INVALID: 'The site could not sign you in. Reload the page and try again.',
  SSO_TOKEN_EXPIRED: 'Your sign-in from the site has expired. Reload the page to sign in again.',
  SSO_TOKEN_REPLAYED: 'That sign-in was already used. Reload the page to sign in again.',
  ORIGIN_NOT_REGISTERED: 'This page is not on a site registered with Marginalia.',
  EMAIL_NOT_VERIFIED: 'Confirm your email address first: follow the link we mailed you.',
  TOKEN_INVALID: 'This link is not valid. Ask for a new one.',
  TOKEN_USED: 'This link was already used. Ask for a new one if you still need it.',
  TOKEN_EXPIRED: 'This link has expired. Ask for a new one.',
  COMMENTS_CLOSED: 'Comments are closed on this article.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Please try again.',
  NETWORK_ERROR: 'Could not reach Marginalia. Check your connection and try again.',
};

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
};

export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** The first error's code, which decides how the UI reacts. */
  readonly code: string;
  readonly field: string | undefined;
  readonly errors: readonly GraphQLErrorItem[];
  readonly status: number | undefined;

  constructor(errors: readonly GraphQLErrorItem[], status?: number) {
    const first = errors[0] ?? { code: 'INTERNAL_SERVER_ERROR', message: fallbackMessage('INTERNAL_SERVER_ERROR') };
    super(first.message);
    this.code = first.code;
    this.field = first.field;
    this.errors = errors;
    this.status = status;
  }

  /** Messages keyed by input field, for showing next to form controls. */
  fieldErrors(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const e of this.errors) if (e.field && !(e.field in result)) result[e.field] = e.message;
    return result;
  }

  /** Errors not tied to a field, for a form-level alert. */
  generalMessages(): string[] {
    return this.errors.filter((e) => !e.field).map((e) => e.message);
  }
}

export function fallbackMessage(code: string): string {
  return code in FALLBACK_MESSAGES ? FALLBACK_MESSAGES[code as ErrorCode] : FALLBACK_MESSAGES.INTERNAL_SERVER_ERROR;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function normaliseField(field: unknown): string | undefined {
  if (typeof field !== 'string' || field === '') return undefined;
  return field.split('.').at(-1);
}

/** Maps one raw GraphQL error object; tolerant of anything the server or a proxy sends. */
export function toErrorItem(raw: unknown, status?: number): GraphQLErrorItem {
  const extensions = isRecord(raw) && isRecord(raw.extensions) ? raw.extensions : {};
  const statusCode = status !== undefined ? HTTP_STATUS_CODES[status] : undefined;
  const code =
    typeof extensions.code === 'string' && extensions.code !== ''
      ? extensions.code
      : (statusCode ?? 'INTERNAL_SERVER_ERROR');
  const message =
    isRecord(raw) && typeof raw.message === 'string' && raw.message.trim() !== '' ? raw.message : fallbackMessage(code);
  const field = normaliseField(extensions.field);
  return field ? { code, message, field } : { code, message };
}

/** An ApiError for a GraphQL `errors` array (or for an HTTP failure when there is none). */
export function mapGraphQLErrors(errors: unknown, status?: number): ApiError {
  const items = Array.isArray(errors) && errors.length > 0 ? errors.map((e) => toErrorItem(e, status)) : [];
  if (items.length > 0) return new ApiError(items, status);
  const code = (status !== undefined && HTTP_STATUS_CODES[status]) || 'INTERNAL_SERVER_ERROR';
  return new ApiError([{ code, message: fallbackMessage(code) }], status);
}

export function networkError(): ApiError {
  return new ApiError([{ code: 'NETWORK_ERROR', message: fallbackMessage('NETWORK_ERROR') }]);
}

/** A user-facing message for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return fallbackMessage('INTERNAL_SERVER_ERROR');
}
