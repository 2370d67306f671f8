import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { loadViewer, type TokenClaims } from '../../auth/jwt.strategy.js';
import type { Viewer } from '../../auth/viewer.js';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { JobQueue } from '../../infra/queue/job-queue.js';
import { QUEUES } from '../../infra/queue/jobs.js';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import { cookiesSecure, type AppConfig } from '../../infra/config/env.js';
import { readCookie, serializeCookie } from '../../infra/http/cookies.js';
import { allowedOrigins, crossSiteReason } from '../../infra/http/same-site.js';

export const QUEUE_BOARD_PATH = '/admin/queues';
export const BOARD_COOKIE = 'marginalia_board';
/** Lifetime of the board cookie: long enough to look around, short enough to be harmless. */
export const BOARD_COOKIE_SECONDS = 15 * 60;

/** Where a browser exchanges its access token for the board cookie. */
export const BOARD_SESSION_PATH = `${QUEUE_BOARD_PATH}/session`;

type BoardClaims = Omit<TokenClaims, 'typ'> & { typ: TokenClaims['typ'] | 'board' };

/**
 * Bull Board (every queue) at /admin/queues, for admins only. A browser cannot send a Bearer
 * header when it follows a link, so there are two ways in:
 * - `Authorization: Bearer <access token>` on every request (scripts, API clients);
 * - `POST /admin/queues/session` with that header: the answer sets an HttpOnly, SameSite=Strict
 *   cookie valid 15 minutes on /admin/queues only (a distinct token type, useless against the
 *   API); the page then opens /admin/queues. Tokens never travel in URLs, which access logs,
 *   proxies and browser history keep: `?token=` is refused.
 * Roles, bans and sign-outs apply at once: the user is re-read on every request.
 */
export async function registerQueueBoard(app: NestFastifyApplication): Promise<void> {
  const jwt = app.get(JwtService, { strict: false });
  const prisma = app.get(PrismaService, { strict: false });
  const jobs = app.get(JobQueue, { strict: false });
  const config = app.get<AppConfig>(APP_CONFIG, { strict: false });
  const origins = allowedOrigins(config);

  const board = new FastifyAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: QUEUES.map((name) => new BullMQAdapter(jobs.queue(name))),
    // @bull-board/fastify 9.10.1 types against its own copy of @bull-board/api 9.10.1; the
    // adapter contract is the same in 9.10.2, only the nominal types differ.
    serverAdapter: board as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: { uiConfig: { boardTitle: 'Marginalia queues' } },
  });

  const viewerOf = async (token: string, typ: 'access' | 'board'): Promise<Viewer | null> => {
    try {
      const claims = await jwt.verifyAsync<BoardClaims>(token, { algorithms: ['HS256'] });
      if (claims.typ !== typ) return null;
      return await loadViewer(prisma, { ...claims, typ: 'access' }, 'access');
    } catch {
      return null;
    }
  };

  const guard = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (new URL(request.url, 'http://board.local').searchParams.has('token')) return refuseUrlToken(reply);
    const bearer = bearerOf(request);
    const cookie = readCookie(request.headers.cookie, BOARD_COOKIE);
    const viewer = bearer ? await viewerOf(bearer, 'access') : cookie ? await viewerOf(cookie, 'board') : null;
    admitsAdmin(reply, viewer);
  };

  // Only a Bearer header opens a session: browsers never send one cross-site without a CORS
  // grant, and a page of another site is refused by its Origin as well.
  const openSession = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    void reply.header('cache-control', 'no-store');
    const crossSite = crossSiteReason(request, origins);
    if (crossSite) return reply.status(403).send({ error: { code: 'FORBIDDEN', message: crossSite } });
    const bearer = bearerOf(request);
    const viewer = bearer ? await viewerOf(bearer, 'access') : null;
    if (!admitsAdmin(reply, viewer)) return reply;
    const { tokenVersion } = await prisma.user.findUniqueOrThrow({
      where: { id: viewer.id },
      select: { tokenVersion: true },
    });
    const cookie = await jwt.signAsync({ sub: viewer.id, typ: 'board', ver: tokenVersion } satisfies BoardClaims, {
      expiresIn: BOARD_COOKIE_SECONDS,
    });
    const options = { path: QUEUE_BOARD_PATH, maxAge: BOARD_COOKIE_SECONDS, secure: cookiesSecure(config) };
    return reply
      .header('set-cookie', serializeCookie(BOARD_COOKIE, cookie, options))
      .status(204)
      .send();
  };

  app.getHttpAdapter().getInstance().post(BOARD_SESSION_PATH, openSession);
  await app.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', guard);
      await scope.register(board.registerPlugin());
    },
    { prefix: QUEUE_BOARD_PATH },
  );
}

/** True for an admin; anyone else is answered 401 or 403. */
function admitsAdmin(reply: FastifyReply, viewer: Viewer | null): viewer is Viewer {
  if (!viewer) deny(reply, 401);
  else if (viewer.role !== 'ADMIN') deny(reply, 403);
  return viewer?.role === 'ADMIN';
}

function bearerOf(request: FastifyRequest): string | undefined {
  return /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
}

function deny(reply: FastifyReply, status: 401 | 403): FastifyReply {
  const error =
    status === 401
      ? {
          code: 'UNAUTHENTICATED',
          message: `Sign in as an admin, then send "Authorization: Bearer <access token>" (browsers: send it to POST ${BOARD_SESSION_PATH} for a cookie)`,
        }
      : { code: 'FORBIDDEN', message: 'The queue board is for admins only' };
  void reply.status(status).header('cache-control', 'no-store').send({ error });
  return reply;
}

/** The token is not echoed: the URL that carried it is already in logs and history. */
function refuseUrlToken(reply: FastifyReply): FastifyReply {
  const message = `Tokens in URLs are refused (logs and browser history keep them): send "Authorization: Bearer <access token>"; browsers send it to POST ${BOARD_SESSION_PATH} for a cookie`;
  void reply
    .status(400)
    .header('cache-control', 'no-store')
    .send({ error: { code: 'BAD_USER_INPUT', message } });
  return reply;
}
