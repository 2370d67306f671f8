import { useCallback, useEffect, useRef } from 'react';
import { parseHostMessage, PROTOCOL, type FrameMessage, type HostMessage } from './protocol.ts';

type Outgoing = FrameMessage extends infer M ? (M extends FrameMessage ? Omit<M, 'protocol'> : never) : never;

/** The host page's origin as the loader named it, if it is one; only it is listened to and written to. */
export function hostOriginOf(raw: string | null): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.origin === raw && (url.protocol === 'https:' || url.protocol === 'http:') ? raw : null;
  } catch {
    return null;
  }
}

/**
 * postMessage with the page that frames this one: messages are taken only from the parent
 * window at `host` and only in the protocol's shapes; ours go to `host` only. (The server lets
 * only the site's registered origins frame this page, so a wrong `host` just hears nothing.)
 */
export function useHostMessages(host: string | null, onMessage: (message: HostMessage) => void) {
  const handler = useRef(onMessage);
  handler.current = onMessage;
  const framed = host !== null && window.parent !== window;

  const post = useCallback(
    (message: Outgoing) => {
      if (framed) window.parent.postMessage({ protocol: PROTOCOL, ...message }, host);
    },
    [framed, host],
  );

  useEffect(() => {
    if (!framed) return;
    const listener = (event: MessageEvent) => {
      if (event.origin !== host || event.source !== window.parent) return;
      const message = parseHostMessage(event.data);
      if (message) handler.current(message);
    };
    window.addEventListener('message', listener);
    window.parent.postMessage({ protocol: PROTOCOL, type: 'ready' }, host);
    return () => window.removeEventListener('message', listener);
  }, [framed, host]);

  return post;
}
