/**
 * Where the session's tokens live. The access token is read from memory on every request;
 * localStorage only makes the session survive reloads and is shared between tabs (the
 * `storage` event keeps other tabs' memory copies in sync).
 */

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export interface TokenStore {
  get(): Tokens | null;
  set(tokens: Tokens): void;
  clear(): void;
  /** Called whenever the tokens change, including from another tab. Returns an unsubscribe. */
  subscribe(listener: (tokens: Tokens | null) => void): () => void;
}

export const STORAGE_KEY = 'marginalia.session';

function parse(raw: string | null): Tokens | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (
      typeof value === 'object' &&
      value !== null &&
      'accessToken' in value &&
      'refreshToken' in value &&
      typeof value.accessToken === 'string' &&
      typeof value.refreshToken === 'string'
    ) {
      return { accessToken: value.accessToken, refreshToken: value.refreshToken };
    }
  } catch {
    // Corrupt entry: behave as signed out.
  }
  return null;
}

function safeStorage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null; // Storage can throw when disabled by privacy settings.
  }
}

export function createTokenStore(storage: Storage | null = safeStorage()): TokenStore {
  let current = parse(storage?.getItem(STORAGE_KEY) ?? null);
  const listeners = new Set<(tokens: Tokens | null) => void>();
  const emit = (): void => listeners.forEach((listener) => listener(current));

  const write = (tokens: Tokens | null): void => {
    try {
      if (tokens) storage?.setItem(STORAGE_KEY, JSON.stringify(tokens));
      else storage?.removeItem(STORAGE_KEY);
    } catch {
      // Quota or privacy mode: the session still works in memory for this tab.
    }
  };

  if (typeof window !== 'undefined' && storage) {
    window.addEventListener('storage', (event) => {
      if (event.key !== STORAGE_KEY && event.key !== null) return;
      current = parse(storage.getItem(STORAGE_KEY));
      emit();
    });
  }

  return {
    get: () => current,
    set(tokens) {
      current = tokens;
      write(tokens);
      emit();
    },
    clear() {
      if (current === null) return;
      current = null;
      write(null);
      emit();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
