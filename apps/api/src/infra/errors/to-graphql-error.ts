import { HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode } from './domain-error.js';

const logger = new Logger('Errors');

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
};

/**
 * The single place where thrown values become client-visible errors. Domain errors keep
 * their code, message and field; anything unexpected is logged with a correlation id and
 * reaches the client only as a generic message carrying that id.
 */
export function toGraphQLError(error: unknown): GraphQLError {
  // graphql-js wraps what resolvers throw (sometimes twice); look at the innermost error.
  let original: unknown = error;
  // A refused variable says where in its outer message and what was wrong in the inner one.
  let refusedVariable: { message: string; field: string } | undefined;
  while (original instanceof GraphQLError && original.originalError) {
    const field = variableFieldOf(original.message);
    if (field && !refusedVariable) refusedVariable = { message: original.message, field };
    original = original.originalError;
  }
  if (original instanceof GraphQLError) {
    // Already mapped (by the exception filter), or a parse/validation error from graphql-js.
    const code = original.extensions?.['code'] ?? 'GRAPHQL_VALIDATION_FAILED';
    const field = original.extensions?.['field'] ?? refusedVariable?.field ?? variableFieldOf(original.message);
    return new GraphQLError(refusedVariable?.message ?? original.message, {
      extensions: { ...original.extensions, code, ...(field ? { field } : {}) },
    });
  }
  if (original instanceof DomainError) {
    return new GraphQLError(original.message, {
      extensions: { code: original.code, ...(original.field ? { field: original.field } : {}), ...original.details },
    });
  }
  if (original instanceof HttpException) {
    const code = HTTP_CODES[original.getStatus()];
    if (code) return new GraphQLError(original.message, { extensions: { code } });
  }
  const status = clientErrorStatus(original);
  if (status !== undefined) {
    // Fastify and Mercurius refusing the request itself (malformed JSON, wrong body shape):
    // their messages describe the request, not the server.
    return new GraphQLError((original as Error).message, {
      extensions: { code: HTTP_CODES[status] ?? 'BAD_USER_INPUT' },
    });
  }
  if (original instanceof URIError) {
    // validator.js encodes input with encodeURI, which throws on lone surrogates the client sent.
    return new GraphQLError('Text is not well-formed Unicode', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  if (isNulRefusal(original)) {
    // PostgreSQL refuses NUL in text: the client sent it, so it is their error, not ours.
    return new GraphQLError('Text must not contain NUL characters', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  const correlationId = randomUUID();
  logger.error({ err: original, correlationId }, 'Unexpected error');
  return new GraphQLError(`Internal server error (reference ${correlationId})`, {
    extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId },
  });
}

/**
 * The input field a variable was refused at by graphql-js (a value outside an enum, a string
 * for a number): `Variable "$input" got invalid value "X" at "input.stance"` → `stance`, the
 * name the validation pipe gives the same field.
 */
function variableFieldOf(message: string): string | undefined {
  const match = /^Variable "\$(\w+)" got invalid value .*? at "([^"]+)";/.exec(message);
  if (!match) return undefined;
  const path = match[2]!.split('.');
  return path.length > 1 ? path.slice(1).join('.') : path[0];
}

/** The 4xx status Fastify or Mercurius attached to an error about the request, if any. */
export function clientErrorStatus(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const { statusCode, code } = error as Error & { statusCode?: unknown; code?: unknown };
  const fromFramework = typeof code === 'string' && /^(FST|MER)_/.test(code);
  return fromFramework && typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500
    ? statusCode
    : undefined;
}

/** PostgreSQL's "invalid byte sequence for encoding UTF8: 0x00" (SQLSTATE 22021), as Prisma reports it. */
function isNulRefusal(error: unknown): boolean {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { code?: unknown; message?: unknown } } } })?.meta
    ?.driverAdapterError?.cause;
  return cause?.code === '22021' && String(cause.message).includes('0x00');
}
