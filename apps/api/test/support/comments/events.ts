import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestApi } from '../api-client.js';

export interface ReceivedEvent {
  type: string;
  threadId: string;
  commentId: string | null;
  status: string | null;
}

/** Subscribes to an article's discussion events over a real websocket. */
export async function subscribeEvents(
  api: TestApi,
  articleId: string,
  token?: string,
): Promise<{ events: ReceivedEvent[]; close: () => Promise<void> }> {
  const client: Client = createClient({
    url: `${api.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  const events: ReceivedEvent[] = [];
  client.subscribe<{ articleEvents: ReceivedEvent }>(
    {
      query: 'subscription($id: ID!) { articleEvents(articleId: $id) { type threadId commentId status } }',
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
  // The subscription is live once the server has acknowledged it; give it a moment.
  await new Promise((resolve) => setTimeout(resolve, 400));
  return { events, close: () => client.dispose() as Promise<void> };
}
