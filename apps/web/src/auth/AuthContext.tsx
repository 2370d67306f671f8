/**
 * The signed-in user, shared app-wide. The session itself lives in the API client: the access
 * token in memory, the refresh token in an HttpOnly cookie. On start the session is restored
 * from the cookie; this context mirrors it as a User, reacts when the client drops it (a
 * failed refresh), and follows sign-ins and sign-outs of other tabs.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, type GraphQLClient } from '../api/client.ts';
import {
  LOGIN_MUTATION,
  LOGOUT_MUTATION,
  REGISTER_MUTATION,
  SSO_LOGIN_MUTATION,
  type LoginResult,
  type RegisterResult,
  type SsoLoginResult,
} from '../api/queries.ts';
import type { AuthPayload, User } from '../api/types.ts';
import { createSessionChannel, type SessionChannel } from './sessionChannel.ts';

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
  /** Signs in with the token a publisher's site signed for its reader (the embed). */
  ssoLogin(siteId: string, token: string): Promise<User>;
  logout(): Promise<void>;
  /** Takes a sign-in the server issued another way (a password reset or change). */
  accept(payload: AuthPayload): User;
  /** Follows a change the user made to their own account (a new display name, a verified or new address). */
  patchUser(fields: Partial<Pick<User, 'displayName' | 'email' | 'emailVerified'>>): void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

const appChannel = createSessionChannel();

export function AuthProvider({
  children,
  client = api,
  channel = appChannel,
}: {
  children: ReactNode;
  client?: GraphQLClient;
  channel?: SessionChannel;
}) {
  const [user, setUser] = useState<User | null>(null);
  // The refresh cookie is out of reach of scripts: only the server can say whether it holds a session.
  const [loading, setLoading] = useState(true);

  // Restore the session, follow the client from then on, and other tabs' sign-ins and sign-outs.
  useEffect(() => {
    let cancelled = false;
    const restore = (): void => {
      void client.refreshSession().then((restored) => {
        if (cancelled) return;
        setUser(restored);
        setLoading(false);
      });
    };
    restore();
    const unsubscribe = client.tokens.subscribe((tokens) => {
      if (tokens === null) setUser(null);
    });
    const unlisten = channel.listen((event) => {
      if (event === 'signed-in') restore();
      // That tab ended the session on the server and cleared the cookie: forget the access token.
      else client.tokens.clear();
    });
    return () => {
      cancelled = true;
      unsubscribe();
      unlisten();
    };
  }, [client, channel]);

  const accept = useCallback(
    (payload: AuthPayload): User => {
      client.tokens.set({ accessToken: payload.accessToken });
      setUser(payload.user);
      channel.announce('signed-in');
      return payload.user;
    },
    [client, channel],
  );

  const value = useMemo<AuthContextValue>(
    () => ({
      user,
      loading,
      login: async (email, password) =>
        accept((await client.request<LoginResult>(LOGIN_MUTATION, { input: { email, password } })).login),
      register: async (fields) =>
        accept((await client.request<RegisterResult>(REGISTER_MUTATION, { input: fields })).register),
      ssoLogin: async (siteId, token) =>
        accept((await client.request<SsoLoginResult>(SSO_LOGIN_MUTATION, { input: { siteId, token } })).ssoLogin),
      accept,
      logout: async () => {
        try {
          await client.request(LOGOUT_MUTATION);
        } catch {
          // Signing out locally must work even if the server call fails.
        }
        await client.endSession();
        setUser(null);
        channel.announce('signed-out');
      },
      patchUser: (fields) => setUser((current) => (current ? { ...current, ...fields } : current)),
    }),
    [user, loading, accept, client, channel],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user, or null; also null outside <AuthProvider> (parts of a page that only add to it for a user). */
export function useOptionalUser(): AuthContextValue['user'] {
  return useContext(AuthContext)?.user ?? null;
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
