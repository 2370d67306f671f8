import type { Viewer } from '../auth/viewer.js';
import type { LiveSocket } from '../infra/graphql/live-socket.js';

/**
 * The GraphQL context of a subscription: the websocket's viewer (resolved at connection_init
 * and re-checked while it is open), Mercurius' per-subscription pub/sub, and the socket's state.
 */
export interface SubscriptionContext {
  req?: { user?: Viewer | null };
  pubsub: { subscribe(topic: string): Promise<AsyncIterable<unknown>> };
  live?: LiveSocket;
}
