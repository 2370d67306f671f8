/**
 * One sign-in for Marginalia's frames on a publisher's page. The panel and the page-level
 * discussion are two iframes of Marginalia's origin; the refresh cookie is SameSite=Strict and
 * so never reaches them on another site, and the host's token can be used once. The frame that
 * signs the reader in hands the session to its siblings over a BroadcastChannel named for that
 * page view (the loader's random `page` id), so nothing crosses to the host page or to other
 * pages. A sign-in in Marginalia's own popup comes back to the frame that opened it by
 * postMessage, addressed to Marginalia's origin only.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import type { AuthPayload, User } from '../api/types.ts';
import { useAuth } from '../auth/AuthContext.tsx';

const PAGE_ID = /^[A-Za-z0-9_-]{16,64}$/;

/** The page view's id as the loader named it, if it is one. */
export function pageIdOf(raw: string | null): string | null {
  return raw && PAGE_ID.test(raw) ? raw : null;
}

type SessionMessage = { type: 'hello' } | { type: 'session'; payload: AuthPayload } | { type: 'signed-out' };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A session handed over by a sibling frame or the sign-in popup, if it has the shape of one. */
export function parseSessionPayload(value: unknown): AuthPayload | null {
  if (!isRecord(value) || typeof value['accessToken'] !== 'string' || !value['accessToken']) return null;
  const user = value['user'];
  if (!isRecord(user) || typeof user['id'] !== 'string' || typeof user['displayName'] !== 'string') return null;
  return { accessToken: value['accessToken'], user: user as unknown as User };
}

function parseSessionMessage(data: unknown): SessionMessage | null {
  if (!isRecord(data)) return null;
  if (data['type'] === 'hello') return { type: 'hello' };
  if (data['type'] === 'signed-out') return { type: 'signed-out' };
  if (data['type'] === 'session') {
    const payload = parseSessionPayload(data['payload']);
    return payload ? { type: 'session', payload } : null;
  }
  return null;
}

/** The message the sign-in popup posts to the frame that opened it. */
export const POPUP_MESSAGE = 'marginalia-embed-signed-in';

/**
 * Keeps this frame's session in step with its siblings on the same page view, and gives a
 * function that opens Marginalia's sign-in (or sign-up) in a popup, and whether the browser
 * blocked that popup (the page then says how to allow it).
 */
export function useEmbedSession(pageId: string | null): {
  openSignIn: (mode: 'login' | 'register') => void;
  popupBlocked: boolean;
} {
  const [popupBlocked, setPopupBlocked] = useState(false);
  const { user, loading, accept } = useAuth();
  const channel = useRef<BroadcastChannel | null>(null);
  const state = useRef({ user, loading, waiting: null as AuthPayload | null });
  state.current.user = user;
  state.current.loading = loading;

  const take = useCallback(
    (payload: AuthPayload) => {
      // Taken after the stored session is checked, so that check cannot undo this one.
      if (state.current.loading) state.current.waiting = payload;
      else if (state.current.user?.id !== payload.user.id) accept(payload);
    },
    [accept],
  );

  useEffect(() => {
    if (!pageId || typeof BroadcastChannel === 'undefined') return;
    const open = new BroadcastChannel(`marginalia.embed.${pageId}`);
    channel.current = open;
    open.onmessage = (event: MessageEvent<unknown>) => {
      const message = parseSessionMessage(event.data);
      if (!message) return;
      if (message.type === 'hello') {
        const tokens = api.tokens.get();
        const current = state.current.user;
        if (tokens && current)
          open.postMessage({ type: 'session', payload: { accessToken: tokens.accessToken, user: current } });
      } else if (message.type === 'session') take(message.payload);
      // The sibling ended the session on the server: forget the token here too.
      else if (state.current.user) api.tokens.clear();
    };
    open.postMessage({ type: 'hello' });
    return () => {
      channel.current = null;
      open.close();
    };
  }, [pageId, take]);

  useEffect(() => {
    if (loading) return;
    const waiting = state.current.waiting;
    state.current.waiting = null;
    if (waiting && user?.id !== waiting.user.id) accept(waiting);
  }, [loading, user, accept]);

  // Tell the siblings whenever this frame's reader changes (they ignore what they already have).
  const previous = useRef<string | null>(null);
  useEffect(() => {
    const id = user?.id ?? null;
    if (id === previous.current) return;
    const had = previous.current;
    previous.current = id;
    const tokens = api.tokens.get();
    if (user && tokens)
      channel.current?.postMessage({ type: 'session', payload: { accessToken: tokens.accessToken, user } });
    else if (!user && had) channel.current?.postMessage({ type: 'signed-out' });
  }, [user]);

  // The popup: Marginalia's own sign-in page, first-party, which posts the session back here.
  const popup = useRef<Window | null>(null);
  useEffect(() => {
    const onMessage = (event: MessageEvent<unknown>) => {
      if (event.origin !== location.origin || !popup.current || event.source !== popup.current) return;
      if (!isRecord(event.data) || event.data['type'] !== POPUP_MESSAGE) return;
      const payload = parseSessionPayload(event.data['payload']);
      if (payload) take(payload);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [take]);

  const openSignIn = useCallback((mode: 'login' | 'register') => {
    const target = `/embed/sign-in?${new URLSearchParams({ mode })}`;
    popup.current = window.open(target, 'marginalia-sign-in', 'popup,width=480,height=720');
    setPopupBlocked(popup.current === null);
    popup.current?.focus();
  }, []);
  return { openSignIn, popupBlocked };
}

/** Shown when the browser refused the sign-in popup. */
export const POPUP_BLOCKED_MESSAGE =
  'Your browser blocked the sign-in window. Allow pop-ups for this page, then choose Sign in again.';
