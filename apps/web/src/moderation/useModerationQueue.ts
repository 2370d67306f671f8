import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { subscribeLive } from '../api/live.ts';
import {
  COUNTS_QUERY,
  MODERATION_EVENTS_SUBSCRIPTION,
  QUEUE_QUERY,
  type CountsResult,
  type ModerationEventsResult,
  type QueueResult,
} from './queries.ts';
import type { ModerationCounts, ModerationEvent, ModerationItem, ModerationQueue } from './types.ts';

const PAGE = 25;

export interface QueueState {
  status: 'loading' | 'ready' | 'error';
  items: ModerationItem[];
  counts: ModerationCounts | null;
  endCursor: string | null;
  hasMore: boolean;
  /** Items that entered this queue since it was loaded (shown on refresh). */
  arrived: number;
  error: unknown;
}

const EMPTY: QueueState = {
  status: 'loading',
  items: [],
  counts: null,
  endCursor: null,
  hasMore: false,
  arrived: 0,
  error: null,
};

/**
 * A queue change from another moderator (or the pipeline, or a reader's flag): an item that
 * left this queue goes at once; one that entered is counted for a refresh rather than pushed
 * under the moderator's cursor. Event counts are site-wide, so a filtered view keeps its own.
 */
export function applyModerationEvent(
  state: QueueState,
  event: ModerationEvent,
  queue: ModerationQueue,
  filtered: boolean,
): QueueState {
  const present = state.items.some((i) => i.id === event.commentId);
  const left = event.left.includes(queue) && present;
  const entered = event.entered.includes(queue) && !present;
  return {
    ...state,
    items: left ? state.items.filter((i) => i.id !== event.commentId) : state.items,
    arrived: entered ? state.arrived + 1 : state.arrived,
    counts: filtered ? state.counts : event.counts,
  };
}

/**
 * A moderation queue, oldest first, kept live: items another moderator decides leave at
 * once, new arrivals are counted for a refresh, and the tab counts follow every event.
 */
export function useModerationQueue(queue: ModerationQueue, articleId: string | null) {
  const [state, setState] = useState<QueueState>(EMPTY);
  const [generation, setGeneration] = useState(0);
  const countsTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...EMPTY, counts: s.counts }));
    api.request<QueueResult>(QUEUE_QUERY, { queue, articleId, first: PAGE }, { signal: controller.signal }).then(
      (data) =>
        setState({
          status: 'ready',
          items: data.moderationQueue.items,
          counts: data.moderationCounts,
          endCursor: data.moderationQueue.pageInfo.endCursor,
          hasMore: data.moderationQueue.pageInfo.hasNextPage,
          arrived: 0,
          error: null,
        }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState((s) => ({ ...s, status: 'error', error }));
      },
    );
    return () => controller.abort();
  }, [queue, articleId, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  const loadMore = useCallback(async () => {
    const after = state.endCursor;
    if (!after) return;
    const data = await api.request<QueueResult>(QUEUE_QUERY, { queue, articleId, first: PAGE, after });
    setState((s) => ({
      ...s,
      items: [...s.items, ...data.moderationQueue.items.filter((i) => !s.items.some((o) => o.id === i.id))],
      endCursor: data.moderationQueue.pageInfo.endCursor,
      hasMore: data.moderationQueue.pageInfo.hasNextPage,
      counts: data.moderationCounts,
    }));
  }, [queue, articleId, state.endCursor]);

  /** After a decision: keep the item if it is still in this queue, else drop it. */
  const applyDecision = useCallback(
    (item: ModerationItem) =>
      setState((s) => ({
        ...s,
        items: item.queues.includes(queue)
          ? s.items.map((i) => (i.id === item.id ? item : i))
          : s.items.filter((i) => i.id !== item.id),
      })),
    [queue],
  );

  const remove = useCallback(
    (ids: readonly string[]) => setState((s) => ({ ...s, items: s.items.filter((i) => !ids.includes(i.id)) })),
    [],
  );

  useEffect(() => {
    const refreshCounts = () => {
      clearTimeout(countsTimer.current);
      countsTimer.current = setTimeout(() => {
        api.request<CountsResult>(COUNTS_QUERY, { articleId }).then(
          (data) => setState((s) => ({ ...s, counts: data.moderationCounts })),
          () => undefined,
        );
      }, 200);
    };
    const unsubscribe = subscribeLive<ModerationEventsResult>(
      MODERATION_EVENTS_SUBSCRIPTION,
      { articleId },
      {
        next: ({ moderationEvents: event }) => {
          setState((s) => applyModerationEvent(s, event, queue, articleId !== null));
          if (articleId) refreshCounts();
        },
        reconnected: () => setGeneration((g) => g + 1),
      },
    );
    return () => {
      unsubscribe();
      clearTimeout(countsTimer.current);
    };
  }, [queue, articleId]);

  return { ...state, reload, loadMore, applyDecision, remove };
}
