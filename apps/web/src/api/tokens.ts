/**
 * Where the session's access token lives: in memory only, never in localStorage or
 * sessionStorage, where any script on the page could read it. A reload restores it from the
 * refresh cookie (HttpOnly: scripts never see it), see session.ts.
 */

export interface Tokens {
  accessToken: string;
}

export interface TokenStore {
  get(): Tokens | null;
  set(tokens: Tokens): void;
  clear(): void;
  /** Called whenever the tokens change. Returns an unsubscribe. */
  subscribe(listener: (tokens: Tokens | null) => void): () => void;
}

/** Where earlier versions kept both tokens; removed on start so no old session lingers there. */
export const LEGACY_STORAGE_KEY = 'marginalia.session';

export function forgetLegacySession(): void {
  try {
    if (typeof window !== 'undefined') window.localStorage.removeItem(LEGACY_STORAGE_KEY);
  } catch {
    // Storage disabled by privacy settings: nothing was kept there either.
  }
}

export function createTokenStore(): TokenStore {
  let current: Tokens | null = null;
  const listeners = new Set<(tokens: Tokens | null) => void>();
  const emit = (): void => listeners.forEach((listener) => listener(current));
  return {
    get: () => current,
    set(tokens) {
      current = { accessToken: tokens.accessToken };
      emit();
    },
    clear() {
      if (current === null) return;
      current = null;
      emit();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
