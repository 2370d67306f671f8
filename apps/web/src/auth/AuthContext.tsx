/**
 * The signed-in user, shared app-wide. The session itself (tokens) lives in the API client's
 * token store; this context mirrors it as a User and reacts when the store is cleared, e.g.
 * after a failed refresh or a sign-out in another tab.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, type GraphQLClient } from '../api/client.ts';
import {
  LOGIN_MUTATION,
  LOGOUT_MUTATION,
  ME_QUERY,
  REGISTER_MUTATION,
  type LoginResult,
  type MeResult,
  type RegisterResult,
} from '../api/queries.ts';
import type { AuthPayload, User } from '../api/types.ts';

export interface RegisterFields {
  email: string;
  password: string;
  handle: string;
  displayName: string;
}

export interface AuthContextValue {
  user: User | null;
  /** True until the stored session (if any) has been checked with the server. */
  loading: boolean;
  login(email: string, password: string): Promise<User>;
  register(fields: RegisterFields): Promise<User>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children, client = api }: { children: ReactNode; client?: GraphQLClient }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(() => client.tokens.get() !== null);

  // Resolve the stored session to a user, and follow the token store from then on.
  useEffect(() => {
    let cancelled = false;
    const loadMe = (): void => {
      if (!client.tokens.get()) {
        setUser(null);
        setLoading(false);
        return;
      }
      client
        .request<MeResult>(ME_QUERY)
        .then(
          (data) => {
            if (!cancelled) setUser(data.me);
          },
          () => {
            if (!cancelled) setUser(null);
          },
        )
        .finally(() => {
          if (!cancelled) setLoading(false);
        });
    };
    loadMe();
    let hadSession = client.tokens.get() !== null;
    const unsubscribe = client.tokens.subscribe((tokens) => {
      const hasSession = tokens !== null;
      // Only a session appearing or disappearing matters; a token rotation keeps the user.
      if (hasSession !== hadSession) {
        hadSession = hasSession;
        if (hasSession) loadMe();
        else setUser(null);
      }
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [client]);

  const accept = useCallback(
    (payload: AuthPayload): User => {
      client.tokens.set({ accessToken: payload.accessToken, refreshToken: payload.refreshToken });
      setUser(payload.user);
      return payload.user;
    },
    [client],
  );

  const value = useMemo<AuthContextValue>(
    () => ({
      user,
      loading,
      login: async (email, password) =>
        accept((await client.request<LoginResult>(LOGIN_MUTATION, { input: { email, password } })).login),
      register: async (fields) =>
        accept((await client.request<RegisterResult>(REGISTER_MUTATION, { input: fields })).register),
      logout: async () => {
        try {
          await client.request(LOGOUT_MUTATION);
        } catch {
          // Signing out locally must work even if the server call fails.
        }
        client.tokens.clear();
        setUser(null);
      },
    }),
    [user, loading, accept, client],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** A same-origin path to return to after signing in; anything else falls back to "/". */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

/** Link target for "sign in to comment" prompts: back to where the reader was. */
export function loginHref(path: string): string {
  return `/login?next=${encodeURIComponent(path)}`;
}
