import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import { DomainError, unauthenticated } from '../infra/errors/domain-error.js';

/** Runs passport-local on the `login` mutation's input. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override getRequest(context: ExecutionContext): unknown {
    const gql = GqlExecutionContext.create(context);
    const req = gql.getContext().req as { body: unknown };
    // passport-local reads credentials from req.body; in GraphQL they are the input args.
    req.body = gql.getArgs<{ input: unknown }>().input;
    return req;
  }

  override handleRequest<T>(err: unknown, user: T | false): T {
    if (err instanceof DomainError) throw err;
    if (err || !user) throw unauthenticated('Wrong email or password');
    return user;
  }
}
