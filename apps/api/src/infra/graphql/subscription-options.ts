import type { FastifyRequest } from 'fastify';
import { getOperationAST, type DocumentNode, type GraphQLSchema } from 'graphql';
import type WebSocket from 'ws';
import type { TokenSession, TokenViewerService } from '../../auth/token-viewer.service.js';
import type { SubscriptionContext } from '../../realtime/subscription-context.js';
import type { AppConfig } from '../config/env.js';
import { DomainError } from '../errors/domain-error.js';
import { toGraphQLError } from '../errors/to-graphql-error.js';
import type { RateLimiter } from '../redis/rate-limiter.js';
import { consumeAnonymous } from './anonymous-rate-limit.js';
import { logSubscriptionEvent, viewerIdOf } from './graphql-access-log.js';
import { LiveSocket, viewerCheck } from './live-socket.js';
import { validateSubscription } from './query-limits.js';

/**
 * What Mercurius passes as `this` to `onConnect` (lib/subscription-connection.js calls
 * `this.onConnect(data)`): the connection, with its socket and the upgrade request. The
 * option's own arguments carry neither, and both are needed here.
 */
interface MercuriusConnection {
  socket?: WebSocket;
  context?: { request?: FastifyRequest };
}

/** Close code for "too many connections from your address": retried later by graphql-ws clients. */
const CLOSE_TRY_AGAIN_LATER = 1013;

/** Mercurius' `subscription` options: who a websocket is for, and what it may do. */
export function subscriptionOptions(config: AppConfig, tokens: TokenViewerService, limiter: RateLimiter) {
  const check = viewerCheck((session) => tokens.reload(session));
  return {
    keepAlive: 15_000,
    // The viewer is resolved from connection_init (a bad token refuses the connection) and
    // re-checked while the socket is open (LiveSocket). Anonymous connections count against
    // their address' ANONYMOUS_RATE_LIMIT.
    onConnect: async function (this: MercuriusConnection | undefined, { payload }: { payload: unknown }) {
      const socket = this?.socket;
      if (!socket) {
        logSubscriptionEvent('refused', { reason: 'no socket to watch' });
        return false;
      }
      let session: TokenSession | null;
      try {
        session = await tokens.sessionFromConnectionPayload(payload);
      } catch {
        logSubscriptionEvent('refused', { reason: 'bad token' });
        return false;
      }
      if (!session) {
        try {
          await consumeAnonymous(limiter, config, this?.context?.request?.ip ?? 'unknown');
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          logSubscriptionEvent('refused', { reason: 'rate limited' });
          socket.close(CLOSE_TRY_AGAIN_LATER, error.message.slice(0, 120));
          return false;
        }
      }
      const live = new LiveSocket(socket, session, {
        recheckMs: config.SUBSCRIPTION_RECHECK_MS,
        maxSubscriptions: config.MAX_SUBSCRIPTIONS_PER_SOCKET,
        check,
      });
      logSubscriptionEvent('connect', { viewerId: live.viewer?.id ?? null });
      return { req: { headers: {}, user: live.viewer }, live };
    },
    onDisconnect: (context: object) => {
      logSubscriptionEvent('disconnect', { viewerId: viewerIdOf((context as { req?: unknown }).req) });
    },
  };
}

/**
 * Before a subscription starts: the document gets the validation a query gets (Mercurius runs
 * none over the websocket), cost included, with the variables the client sent; and the socket
 * must have room for it.
 */
export function beforeSubscription(
  config: AppConfig,
): (schema: GraphQLSchema, document: DocumentNode, context: unknown, id: string | number) => void {
  return (schema, document, context, id) => {
    const { req, live } = context as Partial<SubscriptionContext>;
    const operation = getOperationAST(document);
    logSubscriptionEvent('subscribe', { id, operationName: operation?.name?.value ?? null, viewerId: viewerIdOf(req) });
    try {
      validateSubscription(config, schema, document, live?.variablesOf(String(id)));
      live?.begin(String(id));
    } catch (error) {
      // Mercurius sends what this throws as the subscription's error, without the formatter.
      throw toGraphQLError(error);
    }
  };
}

export function afterSubscription(context: unknown, id: string | number): void {
  const { req, live } = context as Partial<SubscriptionContext>;
  live?.end(String(id));
  logSubscriptionEvent('complete', { id, viewerId: viewerIdOf(req) });
}
