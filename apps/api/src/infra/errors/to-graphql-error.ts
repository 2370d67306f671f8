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
  if (error instanceof GraphQLError && error.extensions?.['code'] && !error.originalError) return error;
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  if (original instanceof DomainError) {
    return new GraphQLError(original.message, {
      extensions: { code: original.code, ...(original.field ? { field: original.field } : {}), ...original.details },
    });
  }
  if (original instanceof HttpException) {
    const code = HTTP_CODES[original.getStatus()];
    if (code) return new GraphQLError(original.message, { extensions: { code } });
  }
  if (error instanceof GraphQLError && !error.originalError) {
    // Parse and validation errors from graphql-js: safe to show as they are.
    return new GraphQLError(error.message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  }
  const correlationId = randomUUID();
  logger.error({ err: original, correlationId }, 'Unexpected error');
  return new GraphQLError(`Internal server error (reference ${correlationId})`, {
    extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId },
  });
}
