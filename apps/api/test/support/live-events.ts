import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestApi } from './api-client.js';

export interface ReceivedEvent {
  type: string;
  commentId: string;
  status: string;
}

/** Subscribes to an article's live events over the API's websocket and collects what arrives. */
export function subscribe(
  api: TestApi,
  articleId: string,
  token?: string,
): { events: ReceivedEvent[]; client: Client } {
  const client = createClient({
    url: `${api.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  const events: ReceivedEvent[] = [];
  client.subscribe<{ articleEvents: ReceivedEvent }>(
    {
      query: 'subscription($id: ID!) { articleEvents(articleId: $id) { type commentId status } }',
      variables: { id: articleId },
    },
    {
      next: (message) => {
        if (message.data) events.push(message.data.articleEvents);
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
  return { events, client };
}
