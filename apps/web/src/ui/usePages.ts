import { useCallback, useEffect, useRef, useState } from 'react';
import { useQuery } from './useQuery.ts';

export interface Page<TNode> {
  nodes: TNode[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * A keyset-paged list: the first page through useQuery (reloaded when `key` changes), later
 * pages appended by `loadMore`; a new key drops the appended pages.
 */
export function usePages<TNode>(
  key: string,
  loadPage: (after: string | null, signal: AbortSignal) => Promise<Page<TNode>>,
) {
  const first = useQuery(key, (signal) => loadPage(null, signal));
  const [more, setMore] = useState<{
    key: string;
    nodes: TNode[];
    endCursor: string | null;
    hasNextPage: boolean;
  }>();
  const [moreState, setMoreState] = useState<{ loading: boolean; error: unknown }>({ loading: false, error: null });
  const inFlight = useRef<AbortController | null>(null);
  const loadRef = useRef(loadPage);
  loadRef.current = loadPage;

  useEffect(() => {
    inFlight.current?.abort();
    setMore(undefined);
    setMoreState({ loading: false, error: null });
  }, [key]);
  useEffect(() => () => inFlight.current?.abort(), []);

  const current = more?.key === key ? more : undefined;
  const firstPage = first.data;
  const nodes = firstPage ? [...firstPage.nodes, ...(current?.nodes ?? [])] : undefined;
  const pageInfo = current ?? firstPage?.pageInfo;

  const loadMore = useCallback(async () => {
    const after = pageInfo?.endCursor;
    if (!after || moreState.loading) return;
    const controller = new AbortController();
    inFlight.current = controller;
    setMoreState({ loading: true, error: null });
    try {
      const page = await loadRef.current(after, controller.signal);
      if (controller.signal.aborted) return;
      setMore((previous) => ({
        key,
        nodes: [...(previous?.key === key ? previous.nodes : []), ...page.nodes],
        endCursor: page.pageInfo.endCursor,
        hasNextPage: page.pageInfo.hasNextPage,
      }));
      setMoreState({ loading: false, error: null });
    } catch (error) {
      if (!controller.signal.aborted) setMoreState({ loading: false, error });
    }
  }, [key, pageInfo?.endCursor, moreState.loading]);

  return { first, nodes, hasNextPage: pageInfo?.hasNextPage ?? false, loadMore, moreState };
}
