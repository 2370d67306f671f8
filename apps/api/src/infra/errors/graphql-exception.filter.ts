import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import { GqlArgumentsHost, GqlContextType } from '@nestjs/graphql';
import type { FastifyReply } from 'fastify';
import { GraphQLError } from 'graphql';
import { toGraphQLError } from './to-graphql-error.js';

/**
 * Maps every error a resolver, guard or pipe throws to a coded GraphQL error; on plain
 * HTTP routes it answers with the same code in a JSON body, never a stack trace.
 */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): GraphQLError | void {
    const error = toGraphQLError(exception);
    if (host.getType<GqlContextType>() === 'graphql') {
      // A subscription's subscribe function must reject: a returned error would be taken for
      // the event stream (mercurius' withFilter then fails with an uncoded TypeError).
      if (
        GqlArgumentsHost.create(host).getInfo<{ operation?: { operation?: string } }>()?.operation?.operation ===
        'subscription'
      )
        throw error;
      return error;
    }
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const status = exception instanceof HttpException ? exception.getStatus() : statusFor(error);
    void reply.status(status).send({ error: { message: error.message, ...error.extensions } });
  }
}

function statusFor(error: GraphQLError): number {
  switch (error.extensions['code']) {
    case 'BAD_USER_INPUT':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'RATE_LIMITED':
      return 429;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    default:
      return 500;
  }
}
