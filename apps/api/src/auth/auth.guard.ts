import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { Prisma } from '../generated/prisma/client.js';
import type { Role } from '../generated/prisma/enums.js';
import { forbidden, unauthenticated } from '../infra/errors/domain-error.js';
import { CAN_WRITE, IS_PUBLIC, requestOf, ROLES } from './decorators.js';
import type { Viewer } from './viewer.js';

/**
 * Global guard, deny by default: every resolver needs a signed-in user unless marked
 * @Public; @Roles narrows it further; @Writes refuses suspended users.
 */
@Injectable()
export class AppAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override getRequest(context: ExecutionContext): ReturnType<typeof requestOf> {
    return requestOf(context);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = requestOf(context);
    if (req.user === undefined) {
      if (typeof req.headers['authorization'] === 'string') {
        await super.canActivate(context);
      } else {
        req.user = null;
      }
    }
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    const writes = this.reflector.getAllAndOverride<boolean>(CAN_WRITE, targets);
    const viewer = req.user ?? null;
    if (!viewer) {
      if (isPublic) return true;
      throw unauthenticated();
    }
    if (roles && !roles.includes(viewer.role)) throw forbidden('Your role does not allow this');
    if (writes && viewer.status !== 'ACTIVE') throw forbidden('Your account is suspended; you can read but not post');
    return true;
  }

  /**
   * Passport reports a token it refuses (bad signature, expired, malformed) as `info` with no
   * user; loadViewer refuses the wrong kind of token, an unknown user or version and a banned
   * account with UNAUTHENTICATED. Anything else thrown while validating (the database is
   * unreachable) says nothing about the token: it is rethrown as is and reaches the client as
   * a retryable INTERNAL_SERVER_ERROR, so a short outage does not sign anyone out.
   */
  override handleRequest<T = Viewer>(err: unknown, user: T | false, info: unknown): T {
    if (err && !isMalformedClaims(err)) throw err;
    if (err || !user) {
      const reason = info instanceof Error && info.name === 'TokenExpiredError' ? 'Session expired' : 'Invalid token';
      throw unauthenticated(`${reason}; sign in again`);
    }
    return user;
  }
}

/**
 * A validly signed token whose claims cannot be looked up (no subject, a subject that is not
 * an id): a token problem, refused like any invalid token.
 */
function isMalformedClaims(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientValidationError ||
    (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === 'P2007' || error.code === 'P2023'))
  );
}
