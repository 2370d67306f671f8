import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import type { TestApi } from '../support/api-client.js';
import type { GqlResult } from '../support/api-client.js';

export const ACTORS = [
  'anonymous',
  'reader',
  'otherReader',
  'suspended',
  'banned',
  'moderator',
  'admin',
  'suspendedModerator',
  'suspendedAdmin',
] as const;
export type ActorName = (typeof ACTORS)[number];

export interface Actor {
  name: ActorName;
  token?: string;
  userId?: string;
  email?: string;
  password?: string;
}

const ACCOUNT: Record<
  Exclude<ActorName, 'anonymous'>,
  { role?: 'MODERATOR' | 'ADMIN'; status?: 'SUSPENDED' | 'BANNED' }
> = {
  reader: {},
  otherReader: {},
  suspended: { status: 'SUSPENDED' },
  banned: { status: 'BANNED' },
  moderator: { role: 'MODERATOR' },
  admin: { role: 'ADMIN' },
  suspendedModerator: { role: 'MODERATOR', status: 'SUSPENDED' },
  suspendedAdmin: { role: 'ADMIN', status: 'SUSPENDED' },
};

/**
 * A signed-in user of the given kind. The banned user's token is issued before the ban, so
 * it is the token a banned user still holds.
 */
export async function makeActor(api: TestApi, name: ActorName): Promise<Actor> {
  if (name === 'anonymous') return { name };
  const user = await api.register();
  await api.app.get(PrismaService).user.update({ where: { id: user.userId }, data: ACCOUNT[name] });
  return { name, token: user.token, userId: user.userId, email: user.email, password: user.password };
}

/** One actor of every kind. */
export async function makeActors(api: TestApi): Promise<Record<ActorName, Actor>> {
  const actors = await Promise.all(ACTORS.map((name) => makeActor(api, name)));
  return Object.fromEntries(actors.map((a) => [a.name, a])) as Record<ActorName, Actor>;
}

export interface Outcome {
  /** extensions.code of every error, in order. */
  codes: unknown[];
  /** The root field's value, if the server returned one. */
  value: unknown;
  raw: string;
}

export function outcomeOf(result: GqlResult<Record<string, unknown>>, field: string): Outcome {
  return {
    codes: (result.errors ?? []).map((e) => e.extensions?.['code']),
    value: result.data?.[field] ?? null,
    raw: JSON.stringify(result).slice(0, 500),
  };
}

/**
 * Starts a subscription over graphql-ws and reports what happened within `waitMs`: an error
 * (with its codes), a refused connection, or nothing (the subscription is running).
 */
export async function trySubscription(
  api: TestApi,
  document: string,
  variables: Record<string, unknown>,
  token: string | undefined,
  waitMs = 2_000,
): Promise<Outcome> {
  const client = createClient({
    url: `${api.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
  try {
    return await new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => resolve({ codes: [], value: null, raw: 'running' }), waitMs);
      client.subscribe(
        { query: document, variables },
        {
          next: (message) => {
            clearTimeout(timer);
            resolve({
              codes: (message.errors ?? []).map((e) => e.extensions?.['code']),
              value: message.data ?? null,
              raw: JSON.stringify(message).slice(0, 500),
            });
          },
          error: (error: unknown) => {
            clearTimeout(timer);
            resolve(subscriptionError(error));
          },
          complete: () => undefined,
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

function subscriptionError(error: unknown): Outcome {
  if (Array.isArray(error)) {
    const errors = error as Array<{ extensions?: Record<string, unknown> }>;
    return { codes: errors.map((e) => e.extensions?.['code']), value: null, raw: JSON.stringify(error).slice(0, 500) };
  }
  // Mercurius refuses a connection whose token is bad (or banned) with a legacy
  // `connection_error` message, which graphql-ws reports as an invalid message; a close
  // event with 4401/4403 would mean the same.
  const close = error as { code?: number; reason?: string };
  const refused =
    (error instanceof Error && error.message.includes('"connection_error"')) ||
    close.code === 4403 ||
    close.code === 4401;
  return {
    codes: refused ? ['UNAUTHENTICATED'] : [`CLOSED_${String(close.code)}`],
    value: null,
    raw: `close ${String(close.code)} ${String(close.reason)}`,
  };
}
