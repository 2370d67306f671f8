import { vi } from 'vitest';
import type { GraphQLClient } from '../api/client.ts';
import { createTokenStore } from '../api/tokens.ts';
import type { User } from '../api/types.ts';

/**
 * A client for component tests: `request` is the test's double; the session is in memory,
 * restored as `user` when one is given (as if the refresh cookie held a session).
 */
export function fakeClient(request: unknown, user: User | null = null): GraphQLClient {
  const tokens = createTokenStore();
  if (user) tokens.set({ accessToken: 'a' });
  return {
    request: request as GraphQLClient['request'],
    tokens,
    refreshSession: vi.fn(async () => (tokens.get() ? user : null)),
    endSession: vi.fn(async () => tokens.clear()),
  };
}
