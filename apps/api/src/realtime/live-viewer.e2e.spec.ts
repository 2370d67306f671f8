import { JwtService } from '@nestjs/jwt';
import { createClient, type Client } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import type { ModerationEvent } from '../moderation/events/moderation-event.js';
import { TestApi } from '../../test/support/api-client.js';
import { EventBus, MODERATION_TOPIC } from './event-bus.js';
import { eventually } from '../../test/support/eventually.js';

// Read by TestApi.start(); jest gives this file its own process.env.
const RECHECK_MS = 300;
process.env['SUBSCRIPTION_RECHECK_MS'] = String(RECHECK_MS);
// Low enough that a subscription document can exceed it; every one the web client sends costs under 20.
process.env['GRAPHQL_MAX_COST'] = '100';

const MODERATION_EVENTS = 'subscription { moderationEvents { commentId action } }';

interface Watched {
  client: Client;
  events: string[];
  errors: unknown[][];
  closed: { code: number; reason: string } | null;
}

/** One socket; `subscribe` adds subscriptions to it and records what they receive. */
function watch(api: TestApi, token?: string): Watched & { subscribe(query: string, variables?: object): () => void } {
  const watched: Watched = { client: null as unknown as Client, events: [], errors: [], closed: null };
  watched.client = createClient({
    url: `${api.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        watched.closed = { code, reason };
      },
    },
  });
  return Object.assign(watched, {
    subscribe: (query: string, variables: object = {}) =>
      watched.client.subscribe<Record<string, { commentId?: string }>>(
        { query, variables: variables as Record<string, unknown> },
        {
          next: (message) => {
            const value = Object.values(message.data ?? {})[0];
            if (value) watched.events.push(value.commentId ?? 'event');
          },
          error: (error: unknown) => {
            watched.errors.push(Array.isArray(error) ? error : [error]);
          },
          complete: () => undefined,
        },
      ),
  });
}

const codesOf = (errors: unknown[][]): unknown[] =>
  errors.flat().map((e) => (e as { extensions?: Record<string, unknown> }).extensions?.['code']);

describe('live subscriptions re-check their viewer', () => {
  let api: TestApi;
  let prisma: PrismaService;
  let bus: EventBus;
  const sockets: Watched[] = [];

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
    bus = api.app.get(EventBus);
  });
  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((s) => s.client.dispose()));
  });
  afterAll(async () => {
    await api.close();
  });

  async function moderator(): Promise<{ token: string; userId: string }> {
    const user = await api.register();
    await prisma.user.update({ where: { id: user.userId }, data: { role: 'MODERATOR' } });
    return user;
  }

  async function publish(): Promise<string> {
    const commentId = randomUUID();
    const event: ModerationEvent = {
      commentId,
      articleId: randomUUID(),
      status: 'PENDING',
      previousStatus: null,
      entered: ['PENDING'],
      left: [],
      action: 'PIPELINE',
      actorId: null,
      counts: { PENDING: 1, REPORTED: 0, UNMODERATED: 0, APPROVED: 0, REJECTED: 0 },
      at: new Date().toISOString(),
    };
    await bus.publish(MODERATION_TOPIC, event);
    return commentId;
  }

  /** A moderator's socket, subscribed to moderationEvents and shown to receive them. */
  async function subscribedModerator(token: string): Promise<Watched> {
    const socket = watch(api, token);
    sockets.push(socket);
    socket.subscribe(MODERATION_EVENTS);
    // The subscription is live once an event gets through.
    await eventually(async () => {
      const id = await publish();
      await new Promise((r) => setTimeout(r, 100));
      return socket.events.includes(id) ? true : undefined;
    });
    return socket;
  }

  /** The socket is closed within the re-check interval (and some slack), and hears nothing more. */
  async function expectCut(socket: Watched): Promise<void> {
    await eventually(async () => socket.closed ?? undefined, {
      timeoutMs: RECHECK_MS * 10,
      what: 'the socket to close',
    });
    expect(socket.closed?.code).toBe(4403);
    const after = await publish();
    await new Promise((r) => setTimeout(r, 300));
    expect(socket.events).not.toContain(after);
  }

  it('closes a demoted moderator’s socket within the re-check interval', async () => {
    const mod = await moderator();
    const socket = await subscribedModerator(mod.token);
    await prisma.user.update({ where: { id: mod.userId }, data: { role: 'READER' } });
    await expectCut(socket);
    expect(socket.closed?.reason).toMatch(/role/i);
  });

  it('closes the socket of a moderator who signs out everywhere', async () => {
    const mod = await moderator();
    const socket = await subscribedModerator(mod.token);
    const logout = await api.gql('mutation { logout }', {}, mod.token);
    expect(logout.errors).toBeUndefined();
    await expectCut(socket);
  });

  it('closes the socket of a banned moderator', async () => {
    const mod = await moderator();
    const socket = await subscribedModerator(mod.token);
    await prisma.user.update({ where: { id: mod.userId }, data: { status: 'BANNED' } });
    await expectCut(socket);
  });

  it('closes the socket when the access token it was opened with expires', async () => {
    const mod = await moderator();
    const short = await api.app
      .get(JwtService)
      .signAsync({ sub: mod.userId, typ: 'access', ver: 0 }, { algorithm: 'HS256', expiresIn: 2 });
    const socket = await subscribedModerator(short);
    await eventually(async () => socket.closed ?? undefined, { timeoutMs: 5_000, what: 'the socket to close' });
    expect(socket.closed?.code).toBe(4403);
    expect(socket.closed?.reason).toMatch(/expired/i);
  });

  it('refuses the 11th subscription on one socket, with a code', async () => {
    const socket = watch(api);
    sockets.push(socket);
    const articleId = randomUUID();
    const query = 'subscription($id: ID!) { articleEvents(articleId: $id) { type } }';
    const stops = Array.from({ length: 10 }, () => socket.subscribe(query, { id: articleId }));
    await new Promise((r) => setTimeout(r, 500));
    expect(socket.errors).toEqual([]);
    socket.subscribe(query, { id: articleId });
    await eventually(async () => (socket.errors.length > 0 ? true : undefined), {
      timeoutMs: 5_000,
      what: 'the refusal',
    });
    expect(codesOf(socket.errors)).toEqual(['TOO_MANY_SUBSCRIPTIONS']);
    // Stopping one makes room.
    stops[0]!();
    await new Promise((r) => setTimeout(r, 200));
    socket.subscribe(query, { id: articleId });
    await new Promise((r) => setTimeout(r, 500));
    expect(socket.errors).toHaveLength(1);
  });

  it('refuses subscription documents over the cost or alias limits', async () => {
    const mod = await moderator();
    const socket = watch(api, mod.token);
    sockets.push(socket);
    const counts = 'counts { pending reported unmoderated approved rejected }';
    const costly = Array.from({ length: 19 }, (_, i) => `c${i}: ${counts}`).join(' ');
    socket.subscribe(`subscription { moderationEvents { ${costly} } }`);
    const aliased = Array.from({ length: 25 }, (_, i) => `a${i}: action`).join(' ');
    socket.subscribe(`subscription { moderationEvents { ${aliased} } }`);
    await eventually(async () => (socket.errors.length === 2 ? true : undefined), {
      timeoutMs: 5_000,
      what: 'both refusals',
    });
    expect(codesOf(socket.errors).sort()).toEqual(['GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX']);
    // The socket stays open for documents within the limits.
    socket.subscribe(MODERATION_EVENTS);
    const id = await eventually(async () => {
      const published = await publish();
      await new Promise((r) => setTimeout(r, 100));
      return socket.events.includes(published) ? published : undefined;
    });
    expect(socket.events).toContain(id);
  });
});
