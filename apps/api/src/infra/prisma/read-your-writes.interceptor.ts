import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { from, switchMap, type Observable } from 'rxjs';
import { requestOf } from '../../auth/decorators.js';
import { ReadRouting } from './read-routing.js';

/** HTTP methods that change nothing (the W3C annotation GETs, health). */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Marks the signed-in viewer of every mutation (GraphQL) or writing HTTP request before it
 * runs: their reads stay on the primary for a while after (ReadRouting).
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(private readonly routing: ReadRouting) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const viewer = requestOf(context).user;
    if (!viewer || !writes(context)) return next.handle();
    return from(this.routing.writing(viewer.id)).pipe(switchMap(() => next.handle()));
  }
}

function writes(context: ExecutionContext): boolean {
  const type = context.getType<string>();
  if (type === 'graphql') return GqlExecutionContext.create(context).getInfo().operation.operation === 'mutation';
  if (type === 'http') return !READ_METHODS.has(context.switchToHttp().getRequest<FastifyRequest>().method);
  return false;
}
