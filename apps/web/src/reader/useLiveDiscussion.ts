import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { subscribeLive } from '../api/live.ts';
import {
  ARTICLE_EVENTS_SUBSCRIPTION,
  ARTICLE_THREADS_QUERY,
  type ArticleEventsResult,
  type ArticleThreadsResult,
} from '../api/queries.ts';
import type { ArticleSummary, Thread } from '../api/types.ts';

/** What a refetch says about the article besides its threads: a closed discussion shows at once. */
export type LiveArticleState = Pick<ArticleSummary, 'state' | 'discussionStatus'>;

/** Events arriving together (a post and its moderation) cost one refetch. */
const DEBOUNCE_MS = 250;

/**
 * Follows `articleEvents` for an article and refetches its threads when something changes
 * (events say what changed, not the new state). `onThreads` decides what to show.
 */
export function useLiveDiscussion(
  slug: string,
  articleId: string | null,
  viewerKey: string,
  onThreads: (threads: Thread[], state: LiveArticleState) => void,
  /** For a very large discussion: what to do instead of reading every thread again. */
  onChanged?: (threadIds: string[]) => void,
): { revised: boolean; refresh: () => void } {
  const [revised, setRevised] = useState(false);
  const onThreadsRef = useRef(onThreads);
  onThreadsRef.current = onThreads;
  const onChangedRef = useRef(onChanged);
  onChangedRef.current = onChanged;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const generation = useRef(0);
  const changed = useRef(new Set<string>());

  const refresh = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (onChangedRef.current) {
        const ids = [...changed.current];
        changed.current.clear();
        onChangedRef.current(ids);
        return;
      }
      const mine = ++generation.current;
      api.request<ArticleThreadsResult>(ARTICLE_THREADS_QUERY, { slug }).then(
        (data) => {
          // Only the latest refetch counts; an older, slower answer would undo newer state.
          if (mine === generation.current && data.article) {
            const { state, discussionStatus } = data.article;
            onThreadsRef.current(data.article.threads, { state, discussionStatus });
          }
        },
        () => undefined, // the next event or reconnect tries again
      );
    }, DEBOUNCE_MS);
  }, [slug]);

  useEffect(() => {
    if (!articleId) return;
    const unsubscribe = subscribeLive<ArticleEventsResult>(
      ARTICLE_EVENTS_SUBSCRIPTION,
      { articleId },
      {
        next: ({ articleEvents }) => {
          if (articleEvents.type === 'THREAD_REANCHORED') setRevised(true);
          else {
            if (articleEvents.threadId) changed.current.add(articleEvents.threadId);
            refresh();
          }
        },
        reconnected: refresh,
      },
    );
    return () => {
      unsubscribe();
      clearTimeout(timer.current);
      generation.current++;
    };
  }, [articleId, viewerKey, refresh]);

  return { revised, refresh };
}
