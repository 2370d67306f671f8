import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../api/errors.ts';

export type LinkState<T> =
  { status: 'working' } | { status: 'done'; result: T } | { status: 'failed'; code: string; message: string };

/**
 * Spends the `token` of a mailed link once, as the page opens (scripts only: a mail scanner
 * that fetches the link spends nothing). Tokens are single-use, so a second run (React's
 * development double effect) must not send it again.
 */
export function useLinkToken<T>(spend: (token: string) => Promise<T>): LinkState<T> {
  const [params] = useSearchParams();
  const token = params.get('token');
  const [state, setState] = useState<LinkState<T>>(
    token ? { status: 'working' } : { status: 'failed', code: 'TOKEN_INVALID', message: 'This link has no token.' },
  );
  const started = useRef<string | null>(null);
  const spendRef = useRef(spend);
  spendRef.current = spend;

  useEffect(() => {
    if (!token || started.current === token) return;
    started.current = token;
    spendRef.current(token).then(
      (result) => setState({ status: 'done', result }),
      (error: unknown) =>
        setState({
          status: 'failed',
          code: error instanceof ApiError ? error.code : 'NETWORK_ERROR',
          message: errorMessage(error),
        }),
    );
  }, [token]);
  return state;
}
