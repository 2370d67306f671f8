import { useCallback, useEffect, useRef, useState } from 'react';

export type QueryState<T> =
  | { status: 'loading'; data: T | undefined; error: null }
  | { status: 'success'; data: T; error: null }
  | { status: 'error'; data: T | undefined; error: unknown };

/**
 * Runs `load` whenever `key` changes, cancelling the previous run, and keeps the last data
 * while reloading (so a search box does not flash an empty list on every keystroke).
 * `update` lets mutations patch the cached data in place. While `enabled` is false nothing
 * is fetched and the state stays "loading".
 */
export function useQuery<T>(key: string, load: (signal: AbortSignal) => Promise<T>, enabled = true) {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading', data: undefined, error: null });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    setState((s) => ({ status: 'loading', data: s.data, error: null }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'success', data, error: null });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((s) => ({ status: 'error', data: s.data, error }));
      },
    );
    return () => controller.abort();
  }, [key, attempt, enabled]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback((fn: (data: T) => T) => {
    setState((s) => (s.status === 'success' ? { ...s, data: fn(s.data) } : s));
  }, []);
  return { ...state, reload, update };
}
