import { useCallback } from 'react';
import { api } from '../api/client.ts';
import { ARTICLE_QUERY, type ArticleResult } from '../api/queries.ts';
import type { Article, Comment, Thread } from '../api/types.ts';
import { useQuery } from '../ui/useQuery.ts';

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

  return { ...query, article: query.data?.article ?? null, addThread, addComment };
}
