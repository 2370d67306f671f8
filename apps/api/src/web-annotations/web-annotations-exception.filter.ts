import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, type ErrorCode } from '../infra/errors/domain-error.js';
import { toGraphQLError } from '../infra/errors/to-graphql-error.js';
import { ProtocolError } from './protocol.error.js';

const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  QUERY_TOO_COMPLEX: 400,
  TOO_MANY_SUBSCRIPTIONS: 429,
  SSO_TOKEN_INVALID: 401,
  SSO_TOKEN_EXPIRED: 401,
  SSO_TOKEN_REPLAYED: 401,
  ORIGIN_NOT_REGISTERED: 403,
  EMAIL_NOT_VERIFIED: 403,
  TOKEN_INVALID: 400,
  TOKEN_USED: 400,
  TOKEN_EXPIRED: 400,
  // The discussion is closed: the request is understood, refused for the article's state.
  COMMENTS_CLOSED: 403,
  INTERNAL_SERVER_ERROR: 500,
};

/**
 * The annotation endpoints answer errors as `{ error: { message, code, field? } }` like
 * the rest of the HTTP API, but with the protocol's statuses (409, 412, 428, 406…).
 * Messages of unexpected errors still go through the one mapper that hides them.
 */
@Catch()
export class WebAnnotationsExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof ProtocolError) {
      void reply.status(exception.status).send({ error: { message: exception.message, code: exception.code } });
      return;
    }
    const error = toGraphQLError(exception);
    const code = error.extensions['code'] as ErrorCode;
    const status =
      exception instanceof HttpException && !(exception instanceof DomainError)
        ? exception.getStatus()
        : (STATUS[code] ?? 500);
    void reply.status(status).send({ error: { message: error.message, ...error.extensions } });
  }
}
