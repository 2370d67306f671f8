import { useMemo } from 'react';
import { api } from '../api/client.ts';
import { useQuery } from '../ui/useQuery.ts';

export const HOT_SPOTS_QUERY = `
  query HotSpots($articleId: ID!) {
    moderationHotSpots(articleId: $articleId, first: 100) {
      from
      passages { start end flags held rejected heat threadIds }
    }
  }
`;

export interface HotSpot {
  start: number;
  end: number;
  flags: number;
  held: number;
  rejected: number;
  heat: number;
  threadIds: string[];
}

type HotSpotsResult = { moderationHotSpots: { from: string; passages: HotSpot[] } };

/**
 * For staff: the passages of an article that drew reports, holds and rejections in the last
 * 30 days, and each thread's moderation heat (its passage's). Asked only when `enabled`.
 */
export function useHotSpots(articleId: string, enabled: boolean) {
  const query = useQuery(
    `hot-spots|${articleId}`,
    (signal) => api.request<HotSpotsResult>(HOT_SPOTS_QUERY, { articleId }, { signal }),
    enabled,
  );
  const passages = query.data?.moderationHotSpots.passages ?? null;
  const heatOf = useMemo(() => {
    const map = new Map<string, number>();
    for (const passage of passages ?? []) for (const id of passage.threadIds) map.set(id, passage.heat);
    return map;
  }, [passages]);
  return { ...query, passages, heatOf };
}
