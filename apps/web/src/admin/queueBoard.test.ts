import { describe, expect, it, vi } from 'vitest';
import { createTokenStore } from '../api/tokens.ts';
import { openQueueBoard } from './queueBoard.ts';

function session(accessToken: string | null, renewed: string | null = null) {
  const tokens = createTokenStore();
  if (accessToken) tokens.set({ accessToken });
  const refreshSession = vi.fn(async () => {
    if (!renewed) return null;
    tokens.set({ accessToken: renewed });
    return { id: 'u1', handle: 'a', displayName: 'A', role: 'ADMIN' as const, status: 'ACTIVE' as const };
  });
  return { tokens, refreshSession };
}

function fakeFetch(...statuses: number[]) {
  const calls: Array<{ url: string; method: string | undefined; auth: string | null }> = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), method: init?.method, auth: new Headers(init?.headers).get('Authorization') });
    return new Response(null, { status: statuses.shift() ?? 500 });
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}

describe('openQueueBoard', () => {
  it('trades the access token for the board cookie with a POST, then opens the board without a token in the URL', async () => {
    const { fetch, calls } = fakeFetch(204);
    const navigate = vi.fn();
    await openQueueBoard(session('access-1'), navigate, fetch);
    expect(calls).toEqual([{ url: '/admin/queues/session', method: 'POST', auth: 'Bearer access-1' }]);
    expect(navigate).toHaveBeenCalledWith('/admin/queues');
  });

  it('renews an expired access token once', async () => {
    const { fetch, calls } = fakeFetch(401, 204);
    const navigate = vi.fn();
    await openQueueBoard(session('old', 'new'), navigate, fetch);
    expect(calls.map((c) => c.auth)).toEqual(['Bearer old', 'Bearer new']);
    expect(navigate).toHaveBeenCalledWith('/admin/queues');
  });

  it('explains a refusal and stays on the page', async () => {
    const navigate = vi.fn();
    await expect(openQueueBoard(session('a'), navigate, fakeFetch(403).fetch)).rejects.toThrow(/admins only/);
    await expect(openQueueBoard(session('a'), navigate, fakeFetch(401).fetch)).rejects.toThrow(/Sign in again/);
    const offline = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(openQueueBoard(session('a'), navigate, offline)).rejects.toThrow(/Could not reach/);
    expect(navigate).not.toHaveBeenCalled();
  });
});
