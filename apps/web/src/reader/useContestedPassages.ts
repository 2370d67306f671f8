import { useMemo } from 'react';
import { api } from '../api/client.ts';
import { useQuery } from '../ui/useQuery.ts';
import { CONTESTED_PASSAGES_QUERY, type ContestedResult } from './stanceQueries.ts';

/**
 * Where readers disagree: the divided passages (score above 0: both agreement and
 * disagreement) in text order, and each thread's passage score for the disagreement shading.
 * Asked only when `enabled`; `version` asks again (the discussion changed).
 */
export function useContestedPassages(articleId: string, enabled: boolean, version = 0) {
  const query = useQuery(
    `contested|${articleId}|${version}`,
    (signal) => api.request<ContestedResult>(CONTESTED_PASSAGES_QUERY, { articleId }, { signal }),
    enabled,
  );
  const all = query.data?.contestedPassages ?? null;
  const divided = useMemo(() => (all ? all.filter((p) => p.score > 0).sort((a, b) => a.start - b.start) : null), [all]);
  const scoreOf = useMemo(() => {
    const map = new Map<string, number>();
    for (const passage of divided ?? []) for (const id of passage.threadIds) map.set(id, passage.score);
    return map;
  }, [divided]);
  return { ...query, passages: divided, scoreOf };
}
