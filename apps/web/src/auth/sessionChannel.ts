/**
 * Tells the app's other tabs that this one signed in or out. The access token is in each tab's
 * memory, so nothing secret is sent: a tab told "signed in" restores its own session from the
 * shared refresh cookie; told "signed out", it forgets its token.
 */
export type SessionEvent = 'signed-in' | 'signed-out';

export interface SessionChannel {
  announce(event: SessionEvent): void;
  listen(listener: (event: SessionEvent) => void): () => void;
}

export const SESSION_CHANNEL = 'marginalia.session';

export function createSessionChannel(): SessionChannel {
  if (typeof BroadcastChannel === 'undefined') return silentSessionChannel;
  const channel = new BroadcastChannel(SESSION_CHANNEL);
  return {
    announce: (event) => channel.postMessage(event),
    listen(listener) {
      const onMessage = (message: MessageEvent<unknown>): void => {
        if (message.data === 'signed-in' || message.data === 'signed-out') listener(message.data);
      };
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
  };
}

/** A channel that tells no one and hears nothing (for pages whose session is not the tabs'). */
export const silentSessionChannel: SessionChannel = { announce: () => undefined, listen: () => () => undefined };
