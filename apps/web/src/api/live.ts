/**
 * GraphQL subscriptions over one websocket (graphql-transport-ws, as the API's Mercurius speaks
 * it). The socket authenticates in connection_init with the current access token (refreshed
 * first if it has expired: the API closes a socket when its token expires), reconnects forever
 * with backoff, and tells subscribers when it reconnected so they can refetch what they may
 * have missed. graphql-ws is loaded on first use, outside the initial bundle.
 */
import type { Client } from 'graphql-ws';
import { api } from './client.ts';

export interface LiveHandlers<TData> {
  next(data: TData): void;
  /** The socket came back after a drop: events may have been missed. */
  reconnected?: () => void;
}

function socketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

/**
 * Subscribes to `query` and returns an unsubscribe function. Each subscriber gets its own
 * socket keyed to the session it started with; a page re-subscribes when the user changes.
 */
export function subscribeLive<TData>(
  query: string,
  variables: Record<string, unknown>,
  handlers: LiveHandlers<TData>,
): () => void {
  let client: Client | null = null;
  let stopped = false;
  let connectedOnce = false;

  void import('graphql-ws').then(({ createClient }) => {
    if (stopped) return;
    client = createClient({
      url: socketUrl(),
      lazy: true,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      connectionParams: async () => {
        const token = await api.freshAccessToken();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
      on: {
        connected: () => {
          if (connectedOnce) handlers.reconnected?.();
          connectedOnce = true;
        },
      },
    });
    client.subscribe<TData>(
      { query, variables },
      {
        next: (result) => {
          if (result.data) handlers.next(result.data);
        },
        // Errors end this subscription; the page keeps working without live updates.
        error: () => undefined,
        complete: () => undefined,
      },
    );
  });

  return () => {
    stopped = true;
    void client?.dispose();
  };
}
