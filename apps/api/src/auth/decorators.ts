import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from '../generated/prisma/enums.js';
import type { Viewer } from './viewer.js';

export const IS_PUBLIC = 'marginalia:public';
export const ROLES = 'marginalia:roles';
export const CAN_WRITE = 'marginalia:write';

/** Anyone may call this, signed in or not; the viewer is still resolved when a token is sent. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
/** Only these roles may call this. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);
/** Changes data: suspended users are refused. */
export const Writes = (): MethodDecorator & ClassDecorator => SetMetadata(CAN_WRITE, true);

export function requestOf(context: ExecutionContext): {
  user?: Viewer | null;
  headers: Record<string, unknown>;
  ip?: string;
} {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext().req;
  return context.switchToHttp().getRequest();
}

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Viewer | null => requestOf(context).user ?? null,
);
