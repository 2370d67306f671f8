/**
 * A small GraphQL-over-fetch client. It attaches the access token, maps errors to ApiError
 * and, when the server says UNAUTHENTICATED, refreshes the session once and retries. If the
 * refresh fails the session is dropped and the request is retried anonymously, so reading
 * never breaks because of a stale token (mutations then fail with UNAUTHENTICATED).
 */
import { ApiError, mapGraphQLErrors, networkError } from './errors.ts';
import { createSessionRoutes, type SessionRoutes } from './session.ts';
import { createTokenStore, forgetLegacySession, type TokenStore, type Tokens } from './tokens.ts';
import type { User } from './types.ts';

export type Variables = Record<string, unknown>;

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface GraphQLClient {
  request<TData>(query: string, variables?: Variables, options?: RequestOptions): Promise<TData>;
  readonly tokens: TokenStore;
  /**
   * Restores or renews the session from the refresh cookie: the user, or null when signed out.
   * One refresh at a time, across tabs too (a refresh token presented twice ends the sign-in).
   */
  refreshSession(): Promise<User | null>;
  /** Ends this browser's sign-in: clears the cookie and forgets the access token. */
  endSession(): Promise<void>;
}

/** The client with what the websocket needs besides requests. */
export interface SessionClient extends GraphQLClient {
  /** The access token, refreshed first if it has expired or is about to; undefined when signed out. */
  freshAccessToken(): Promise<string | undefined>;
}

/** A token this close to its expiry is refreshed before a websocket is opened with it. */
const EXPIRY_MARGIN_MS = 30_000;

/** The `exp` of a JWT in milliseconds, or null if it cannot be read (then it is used as is). */
export function expiresAt(token: string): number | null {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

export interface ClientOptions {
  endpoint?: string;
  fetch?: typeof fetch;
  tokens?: TokenStore;
  session?: SessionRoutes;
}

/** The Web Locks API's name for "a tab is spending the refresh cookie". */
export const REFRESH_LOCK = 'marginalia.refresh';

/** Runs `work` while holding the refresh lock of this origin, when the browser has Web Locks. */
function acrossTabs<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return work();
  let started = false;
  const locked = () => {
    started = true;
    return work();
  };
  // A frame on a publisher's page may be denied the lock ("The request was denied": its storage
  // is partitioned or blocked). No other tab shares its cookie then, so it refreshes alone.
  return locks.request(REFRESH_LOCK, locked).catch((error: unknown) => {
    if (started) throw error;
    return work();
  });
}

interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: unknown;
}

export function createClient(options: ClientOptions = {}): SessionClient {
  const endpoint = options.endpoint ?? '/graphql';
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const tokens = options.tokens ?? createTokenStore();
  const session = options.session ?? createSessionRoutes(doFetch);
  // Several requests can fail at once with an expired token; they share one refresh.
  let refreshing: Promise<User | null> | null = null;

  async function send<TData>(
    query: string,
    variables: Variables | undefined,
    accessToken: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<TData> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
    let response: Response;
    try {
      response = await doFetch(endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables: variables ?? {} }),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw error; // let callers recognise their own cancellation
      throw networkError();
    }
    let body: GraphQLResponse<TData> | null;
    try {
      body = (await response.json()) as GraphQLResponse<TData>;
    } catch {
      body = null; // e.g. an HTML error page from a proxy
    }
    if (body?.errors !== undefined || !response.ok || !body || body.data == null) {
      throw mapGraphQLErrors(body?.errors, response.ok ? undefined : response.status);
    }
    return body.data;
  }

  async function refresh(): Promise<User | null> {
    try {
      const restored = await session.refresh();
      if (restored) tokens.set({ accessToken: restored.accessToken });
      else tokens.clear();
      return restored?.user ?? null;
    } catch (error) {
      // Only a definite rejection ends the session; a network blip keeps it for later.
      if (error instanceof ApiError && error.code !== 'NETWORK_ERROR') tokens.clear();
      return null;
    }
  }

  function refreshSession(): Promise<User | null> {
    refreshing ??= acrossTabs(refresh).finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  // The server closes a websocket when the token it was opened with expires; the socket
  // reconnects, and must not do so with that same token.
  async function freshAccessToken(): Promise<string | undefined> {
    if (refreshing) await refreshing;
    const current = tokens.get();
    if (!current) return undefined;
    const exp = expiresAt(current.accessToken);
    if (exp === null || exp - Date.now() > EXPIRY_MARGIN_MS) return current.accessToken;
    await refreshSession();
    return tokens.get()?.accessToken;
  }

  async function request<TData>(query: string, variables?: Variables, options: RequestOptions = {}): Promise<TData> {
    // A refresh under way (the session being restored at start) decides which token to send.
    if (refreshing) await refreshing;
    const current = tokens.get();
    try {
      return await send<TData>(query, variables, current?.accessToken, options.signal);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'UNAUTHENTICATED' || !current) throw error;
      // Another request may already have renewed the token while this one was in flight.
      const latest = tokens.get();
      let next: Tokens | null = latest && latest.accessToken !== current.accessToken ? latest : null;
      if (!next && latest) {
        await refreshSession();
        next = tokens.get();
      }
      // Exactly one retry: with the new token, or anonymously if the session is gone.
      return send<TData>(query, variables, next?.accessToken, options.signal);
    }
  }

  async function endSession(): Promise<void> {
    tokens.clear();
    try {
      await session.end();
    } catch {
      // Offline: the access token is forgotten; the cookie's sign-in ends when it expires or is reused.
    }
  }

  return { request, tokens, refreshSession, endSession, freshAccessToken };
}

/** The app-wide client. Tests build their own with createClient. */
export const api = createClient();
forgetLegacySession();
