// Helpers for the moderation end-to-end specs: real HTTP, real websockets, real worker.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { PrismaClient } from '../../../src/generated/prisma/client.js';
import type { Role } from '../../../src/generated/prisma/enums.js';
import { eventually } from '../eventually.js';

/** The part of TestApi these helpers use (structural: an ApiChild of the fault specs fits too). */
export interface GqlApi {
  url: string;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<{ data?: T | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>;
  register(): Promise<{ token: string; userId: string }>;
}

export const CREATE_THREAD = `mutation($input: CreateThreadInput!) { createThread(input: $input) { id comments { id } } }`;
export const REPLY = 'mutation($input: ReplyInput!) { reply(input: $input) { id } }';

export async function registerAs(
  api: GqlApi,
  prisma: PrismaClient,
  role: Role,
): Promise<{ token: string; userId: string }> {
  const user = await api.register();
  if (role !== 'READER') await prisma.user.update({ where: { id: user.userId }, data: { role } });
  return user;
}

/** Starts a page-level thread (or one on `selector`) and returns the comment id. */
export async function postComment(
  api: GqlApi,
  token: string,
  articleId: string,
  body: string,
  selector?: { start: number; end: number; exact: string },
): Promise<string> {
  const res = await api.gql<{ createThread: { comments: Array<{ id: string }> } }>(
    CREATE_THREAD,
    { input: { articleId, body, ...(selector ? { selector } : {}) } },
    token,
  );
  const id = res.data?.createThread.comments[0]?.id;
  if (!id) throw new Error(`createThread failed: ${JSON.stringify(res.errors)}`);
  return id;
}

export async function postReply(api: GqlApi, token: string, parentId: string, body: string): Promise<string> {
  const res = await api.gql<{ reply: { id: string } }>(REPLY, { input: { parentId, body } }, token);
  if (!res.data?.reply) throw new Error(`reply failed: ${JSON.stringify(res.errors)}`);
  return res.data.reply.id;
}

export async function statusOf(prisma: PrismaClient, commentId: string): Promise<string | undefined> {
  return (await prisma.comment.findUnique({ where: { id: commentId }, select: { status: true } }))?.status;
}

/** Waits until the comment has this status. */
export async function waitForStatus(
  prisma: PrismaClient,
  commentId: string,
  status: string,
  timeoutMs = 10_000,
): Promise<void> {
  await eventually(async () => (await statusOf(prisma, commentId)) === status, { timeoutMs }).catch(async () => {
    throw new Error(`comment ${commentId} is ${await statusOf(prisma, commentId)}, not ${status}`);
  });
}

/** A pipeline (or any) decision for every comment, waited for in the database. */
export async function waitForAll(prisma: PrismaClient, ids: string[], status: string): Promise<void> {
  for (const id of ids) await waitForStatus(prisma, id, status);
}

export interface Subscription<T> {
  events: T[];
  errors: unknown[];
  client: Client;
  /** Resolves once the server acknowledged the connection. */
  connected: Promise<void>;
  dispose(): Promise<void>;
}

export function subscribe<T>(
  api: GqlApi,
  query: string,
  field: string,
  token?: string,
  variables: Record<string, unknown> = {},
): Subscription<T> {
  let connectedResolve: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (connectedResolve = resolve));
  const client = createClient({
    url: `${api.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    on: { connected: () => connectedResolve() },
  });
  const events: T[] = [];
  const errors: unknown[] = [];
  client.subscribe<Record<string, T>>(
    { query, variables },
    {
      next: (message) => {
        if (message.errors) errors.push(...message.errors);
        const value = message.data?.[field];
        if (value) events.push(value);
      },
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  return { events, errors, client, connected, dispose: () => client.dispose() as Promise<void> };
}
