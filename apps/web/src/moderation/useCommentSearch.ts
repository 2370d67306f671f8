import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { SEARCH_QUERY, type SearchResult } from './queries.ts';
import type { ModerationItem, SnippetPart } from './types.ts';

const PAGE = 25;

export interface SearchState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  items: ModerationItem[];
  snippets: ReadonlyMap<string, SnippetPart[]>;
  endCursor: string | null;
  hasMore: boolean;
  error: unknown;
}

const IDLE: SearchState = {
  status: 'idle',
  items: [],
  snippets: new Map(),
  endCursor: null,
  hasMore: false,
  error: null,
};

/**
 * Moderator search results as console items: the same cards and keys as a queue. A decision
 * keeps the result in place with its new status (a search is not a queue: nothing leaves it).
 */
export function useCommentSearch(query: string | null, articleId: string | null, author: string | null) {
  const [state, setState] = useState<SearchState>(IDLE);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!query) {
      setState(IDLE);
      return;
    }
    const controller = new AbortController();
    setState({ ...IDLE, status: 'loading' });
    api
      .request<SearchResult>(SEARCH_QUERY, { query, articleId, author, first: PAGE }, { signal: controller.signal })
      .then(
        (data) =>
          setState({
            status: 'ready',
            items: data.searchComments.hits.map((h) => h.item),
            snippets: new Map(data.searchComments.hits.map((h) => [h.item.id, h.snippet])),
            endCursor: data.searchComments.pageInfo.endCursor,
            hasMore: data.searchComments.pageInfo.hasNextPage,
            error: null,
          }),
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ ...IDLE, status: 'error', error });
        },
      );
    return () => controller.abort();
  }, [query, articleId, author, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  const loadMore = useCallback(async () => {
    const after = state.endCursor;
    if (!query || !after) return;
    const data = await api.request<SearchResult>(SEARCH_QUERY, { query, articleId, author, first: PAGE, after });
    setState((s) => ({
      ...s,
      items: [
        ...s.items,
        ...data.searchComments.hits.map((h) => h.item).filter((i) => !s.items.some((o) => o.id === i.id)),
      ],
      snippets: new Map([...s.snippets, ...data.searchComments.hits.map((h) => [h.item.id, h.snippet] as const)]),
      endCursor: data.searchComments.pageInfo.endCursor,
      hasMore: data.searchComments.pageInfo.hasNextPage,
    }));
  }, [query, articleId, author, state.endCursor]);

  const applyDecision = useCallback(
    (item: ModerationItem) => setState((s) => ({ ...s, items: s.items.map((i) => (i.id === item.id ? item : i)) })),
    [],
  );

  return { ...state, reload, loadMore, applyDecision };
}
