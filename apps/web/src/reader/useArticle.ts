import { useCallback, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { ARTICLE_QUERY, type ArticleResult } from '../api/queries.ts';
import type { Article, Comment, Thread } from '../api/types.ts';
import { useQuery } from '../ui/useQuery.ts';
import { countComments, mergeLive } from './liveMerge.ts';
import { useLiveDiscussion, type LiveArticleState } from './useLiveDiscussion.ts';

/**
 * Loads an article with its threads and applies the reader's own posts locally, so a new
 * thread or reply shows immediately (including when it is held for moderation and would not
 * appear to others). Reloads when the viewer changes, since own pending comments and
 * `isOwn` depend on who is asking.
 */
export function useArticle(slug: string, viewerKey: string, enabled = true) {
  const query = useQuery(
    `${slug}|${viewerKey}`,
    (signal) => api.request<ArticleResult>(ARTICLE_QUERY, { slug }, { signal }),
    enabled,
  );
  const { update } = query;

  const patchArticle = useCallback(
    (fn: (article: Article) => Article) => update((data) => (data.article ? { article: fn(data.article) } : data)),
    [update],
  );

  const addThread = useCallback(
    (thread: Thread) =>
      patchArticle((article) => ({
        ...article,
        threads: [...article.threads.filter((t) => t.id !== thread.id), thread],
        threadCount: article.threadCount + 1,
        commentCount: article.commentCount + thread.comments.length,
      })),
    [patchArticle],
  );

  const addComment = useCallback(
    (comment: Comment) =>
      patchArticle((article) => ({
        ...article,
        commentCount: article.commentCount + 1,
        threads: article.threads.map((t) =>
          t.id === comment.threadId && !t.comments.some((c) => c.id === comment.id)
            ? { ...t, comments: [...t.comments, comment], commentCount: t.commentCount + 1 }
            : t,
        ),
      })),
    [patchArticle],
  );

  // ── Live updates: apply changes in place, hold others' new comments until revealed ──────
  const [hiddenCount, setHiddenCount] = useState(0);
  const latest = useRef<Thread[] | null>(null);
  const shown = useRef<Thread[]>([]);
  shown.current = query.data?.article?.threads ?? [];
  const applyFetched = useCallback(
    (fetched: Thread[], state: LiveArticleState) => {
      latest.current = fetched;
      const merged = mergeLive(shown.current, fetched);
      setHiddenCount(merged.hidden);
      patchArticle((article) => ({ ...withThreads(article, mergeLive(article.threads, fetched).threads), ...state }));
    },
    [patchArticle],
  );
  const revealNew = useCallback(() => {
    const fetched = latest.current;
    if (!fetched) return;
    setHiddenCount(0);
    patchArticle((article) => withThreads(article, fetched));
  }, [patchArticle]);
  const articleId = query.data?.article?.slug === slug ? query.data.article.id : null;
  const { revised } = useLiveDiscussion(slug, articleId, viewerKey, applyFetched);

  const patchComment = useCallback(
    (comment: Comment) =>
      patchArticle((article) => ({
        ...article,
        threads: article.threads.map((t) =>
          t.id === comment.threadId
            ? { ...t, comments: t.comments.map((c) => (c.id === comment.id ? comment : c)) }
            : t,
        ),
      })),
    [patchArticle],
  );

  const removeComment = useCallback(
    (comment: Comment) =>
      patchArticle((article) =>
        withThreads(
          article,
          article.threads
            .map((t) =>
              t.id === comment.threadId ? { ...t, comments: t.comments.filter((c) => c.id !== comment.id) } : t,
            )
            .filter((t) => t.comments.length > 0),
        ),
      ),
    [patchArticle],
  );

  const replaceThread = useCallback(
    (thread: Thread) =>
      patchArticle((article) => ({
        ...article,
        threads: article.threads.map((t) => (t.id === thread.id ? thread : t)),
      })),
    [patchArticle],
  );

  return {
    ...query,
    removeComment,
    replaceThread,
    article: query.data?.article ?? null,
    addThread,
    addComment,
    patchComment,
    hiddenCount,
    revealNew,
    revised,
  };
}

function withThreads(article: Article, threads: Thread[]): Article {
  return {
    ...article,
    threads,
    threadCount: threads.length,
    commentCount: countComments(threads),
  };
}
