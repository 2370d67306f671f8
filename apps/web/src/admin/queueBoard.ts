/**
 * Opens the API's job dashboard (Bull Board). A link cannot carry the Bearer header, and a
 * token in the URL would end up in logs and history, so the access token is exchanged first
 * with a POST for a short-lived HttpOnly cookie valid on /admin/queues only.
 */
import type { GraphQLClient } from '../api/client.ts';

export const QUEUE_BOARD_URL = '/admin/queues';
const SESSION_URL = `${QUEUE_BOARD_URL}/session`;

export async function openQueueBoard(
  client: Pick<GraphQLClient, 'tokens' | 'refreshSession'>,
  navigate: (url: string) => void = (url) => window.location.assign(url),
  doFetch: typeof fetch = (input, init) => globalThis.fetch(input, init),
): Promise<void> {
  const exchange = async (): Promise<Response> => {
    const token = client.tokens.get()?.accessToken;
    try {
      return await doFetch(SESSION_URL, {
        method: 'POST',
        credentials: 'same-origin',
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });
    } catch {
      throw new Error('Could not reach Marginalia to open the job queues. Check your connection and try again.');
    }
  };
  let response = await exchange();
  // An expired access token: renew it once, as API requests do.
  if (response.status === 401 && (await client.refreshSession())) response = await exchange();
  if (response.status === 204) return navigate(QUEUE_BOARD_URL);
  if (response.status === 401) throw new Error('Your session has ended. Sign in again to open the job queues.');
  if (response.status === 403) throw new Error('The job queues are for admins only.');
  throw new Error('The job queues could not be opened. Please try again.');
}
