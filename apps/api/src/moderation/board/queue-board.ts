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

export const QUEUE_BOARD_PATH = '/admin/queues';
export const BOARD_COOKIE = 'marginalia_board';
/** Lifetime of the board cookie: long enough to look around, short enough to be harmless. */
export const BOARD_COOKIE_SECONDS = 15 * 60;

type BoardClaims = Omit<TokenClaims, 'typ'> & { typ: TokenClaims['typ'] | 'board' };

/**
 * Bull Board (every queue) at /admin/queues, for admins only. A browser cannot send a Bearer
 * header when it follows a link, so there are two ways in:
 * - `Authorization: Bearer <access token>` on every request (scripts, API clients);
 * - open `/admin/queues?token=<access token>` once: the token is exchanged for an HttpOnly,
 *   SameSite=Strict cookie valid 15 minutes on /admin/queues only (a distinct token type,
 *   useless against the API), and the browser is redirected to the URL without the token.
 * Roles, bans and sign-outs apply at once: the user is re-read on every request.
 */
export async function registerQueueBoard(app: NestFastifyApplication): Promise<void> {
  const jwt = app.get(JwtService, { strict: false });
  const prisma = app.get(PrismaService, { strict: false });
  const jobs = app.get(JobQueue, { strict: false });

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
    const url = new URL(request.url, 'http://board.local');
    const queryToken = url.searchParams.get('token');
    if (queryToken) {
      const viewer = await viewerOf(queryToken, 'access');
      if (!viewer) return deny(reply, 401);
      if (viewer.role !== 'ADMIN') return deny(reply, 403);
      const { tokenVersion } = await prisma.user.findUniqueOrThrow({
        where: { id: viewer.id },
        select: { tokenVersion: true },
      });
      const cookie = await jwt.signAsync({ sub: viewer.id, typ: 'board', ver: tokenVersion } satisfies BoardClaims, {
        expiresIn: BOARD_COOKIE_SECONDS,
      });
      url.searchParams.delete('token');
      const secure = request.protocol === 'https' ? '; Secure' : '';
      void reply
        .header(
          'set-cookie',
          `${BOARD_COOKIE}=${cookie}; Path=${QUEUE_BOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=${BOARD_COOKIE_SECONDS}${secure}`,
        )
        .redirect(`${url.pathname}${url.search}`, 303);
      return reply;
    }
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const cookie = readCookie(request.headers.cookie, BOARD_COOKIE);
    const viewer = bearer ? await viewerOf(bearer, 'access') : cookie ? await viewerOf(cookie, 'board') : null;
    if (!viewer) return deny(reply, 401);
    if (viewer.role !== 'ADMIN') return deny(reply, 403);
  };

  await app.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', guard);
      await scope.register(board.registerPlugin());
    },
    { prefix: QUEUE_BOARD_PATH },
  );
}

function deny(reply: FastifyReply, status: 401 | 403): FastifyReply {
  const error =
    status === 401
      ? {
          code: 'UNAUTHENTICATED',
          message: `Sign in as an admin, then send "Authorization: Bearer <access token>" or open ${QUEUE_BOARD_PATH}?token=<access token>`,
        }
      : { code: 'FORBIDDEN', message: 'The queue board is for admins only' };
  void reply.status(status).header('cache-control', 'no-store').send({ error });
  return reply;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
