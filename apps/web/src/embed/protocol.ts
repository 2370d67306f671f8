/**
 * Messages between the loader on a publisher's page and Marginalia's iframes (postMessage).
 * Each side accepts a message only from the one origin it expects and only in one of these
 * shapes. What reaches the host page is limited to where highlights go and how many comments
 * they have: never a token, never who is signed in.
 */

export const PROTOCOL = 'marginalia-embed/1';

/** A passage quoted the way the anchoring package describes it. */
export interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** A thread's passage and its comment count: all the host page learns of a discussion. */
export interface HighlightInfo {
  id: string;
  quote: Quote;
  count: number;
}

export type HostMessage =
  | { protocol: typeof PROTOCOL; type: 'login'; token: string }
  | { protocol: typeof PROTOCOL; type: 'logout' }
  | { protocol: typeof PROTOCOL; type: 'compose'; quote: Quote }
  | { protocol: typeof PROTOCOL; type: 'open-thread'; threadId: string };

export type FrameMessage =
  | { protocol: typeof PROTOCOL; type: 'ready' }
  | { protocol: typeof PROTOCOL; type: 'highlights'; highlights: HighlightInfo[] }
  | { protocol: typeof PROTOCOL; type: 'resize'; height: number }
  | { protocol: typeof PROTOCOL; type: 'close' };

const MAX_QUOTE = 2000;
const MAX_TOKEN = 4096;
const MAX_HIGHLIGHTS = 5000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;
const isId = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value);

export function isQuote(value: unknown): value is Quote {
  return (
    isRecord(value) &&
    isText(value['exact'], MAX_QUOTE) &&
    value['exact'].length > 0 &&
    isText(value['prefix'], MAX_QUOTE) &&
    isText(value['suffix'], MAX_QUOTE)
  );
}

/** A message from the host page, or null when it is not one in every detail. */
export function parseHostMessage(data: unknown): HostMessage | null {
  if (!isRecord(data) || data['protocol'] !== PROTOCOL) return null;
  switch (data['type']) {
    case 'login':
      return isText(data['token'], MAX_TOKEN) && data['token']
        ? { protocol: PROTOCOL, type: 'login', token: data['token'] }
        : null;
    case 'logout':
      return { protocol: PROTOCOL, type: 'logout' };
    case 'compose':
      return isQuote(data['quote']) ? { protocol: PROTOCOL, type: 'compose', quote: data['quote'] } : null;
    case 'open-thread':
      return isId(data['threadId']) ? { protocol: PROTOCOL, type: 'open-thread', threadId: data['threadId'] } : null;
    default:
      return null;
  }
}

/** A message from Marginalia's iframe, or null when it is not one in every detail. */
export function parseFrameMessage(data: unknown): FrameMessage | null {
  if (!isRecord(data) || data['protocol'] !== PROTOCOL) return null;
  switch (data['type']) {
    case 'ready':
      return { protocol: PROTOCOL, type: 'ready' };
    case 'close':
      return { protocol: PROTOCOL, type: 'close' };
    case 'resize': {
      const height = data['height'];
      return typeof height === 'number' && Number.isFinite(height) && height >= 0 && height <= 100_000
        ? { protocol: PROTOCOL, type: 'resize', height }
        : null;
    }
    case 'highlights': {
      const list = data['highlights'];
      if (!Array.isArray(list) || list.length > MAX_HIGHLIGHTS) return null;
      const highlights: HighlightInfo[] = [];
      for (const item of list) {
        if (!isRecord(item) || !isId(item['id']) || !isQuote(item['quote'])) return null;
        const count = item['count'];
        if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return null;
        const { exact, prefix, suffix } = item['quote'];
        highlights.push({ id: item['id'], quote: { exact, prefix, suffix }, count });
      }
      return { protocol: PROTOCOL, type: 'highlights', highlights };
    }
    default:
      return null;
  }
}
