import { useCallback, useMemo, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import {
  ARTICLE_QUERY,
  ARTICLE_READER_QUERY,
  FIRST_SUMMARIES_TO,
  FULL_READ_UP_TO,
  type ArticleReaderResult,
  type ArticleResult,
} from '../api/queries.ts';
import type { Article, Comment, Thread } from '../api/types.ts';
import { useQuery } from '../ui/useQuery.ts';
import { countComments, mergeLive } from './liveMerge.ts';
import { useLargeDiscussion, type FirstOverview } from './useLargeDiscussion.ts';
import { useLiveDiscussion, type LiveArticleState } from './useLiveDiscussion.ts';

interface ArticleData {
  article: Article | null;
  /** Set when the discussion is too large to read whole (see FULL_READ_UP_TO). */
  overview?: FirstOverview | null;
}

/** The reader's answer as the reader draws it: text rebuilt from blocks, a large discussion set apart. */
export function readerArticle({ article }: ArticleReaderResult): ArticleData {
  if (!article) return { article: null };
  const { highlightMap, threadSummaries, threads, revision, ...rest } = article;
  const text = revision.text ?? revision.blocks.map((b) => b.text).join('\n\n');
  const base = { ...rest, revision: { ...revision, text } };
  if (threads) return { article: { ...base, threads }, overview: null };
  const summaries = threadSummaries?.nodes ?? [];
  const more = threadSummaries?.pageInfo.hasNextPage ?? false;
  return {
    article: { ...base, threads: [] },
    overview: {
      map: highlightMap ?? [],
      summaries,
      // A cut-off page covers the stretch up to its last passage only.
      loaded: { from: 0, to: more ? (summaries.at(-1)?.start ?? 0) : FIRST_SUMMARIES_TO },
    },
  };
}

/**
 * Loads an article with its threads and applies the reader's own posts locally, so a new
 * thread or reply shows immediately (including when it is held for moderation and would not
 * appear to others). Reloads when the viewer changes, since own pending comments and
 * `isOwn` depend on who is asking.
 */
export function useArticle(slug: string, viewerKey: string, enabled = true, full = false) {
  const query = useQuery<ArticleData>(
    `${slug}|${viewerKey}|${full}`,
    (signal) =>
      // Staff tools (moderation shading) read every thread; readers window a very large discussion.
      full
        ? api.request<ArticleResult>(ARTICLE_QUERY, { slug }, { signal })
        : api
            .request<ArticleReaderResult>(
              ARTICLE_READER_QUERY,
              { slug, upTo: FULL_READ_UP_TO, firstTo: FIRST_SUMMARIES_TO },
              { signal },
            )
            .then(readerArticle),
    enabled,
  );
  const { update } = query;

  const patchArticle = useCallback(
    (fn: (article: Article) => Article) =>
      update((data) => (data.article ? { ...data, article: fn(data.article) } : data)),
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
  // ── A very large discussion: summaries by stretch of text, threads whole when opened ────
  const putThread = useCallback(
    (thread: Thread) =>
      patchArticle((article) => ({
        ...article,
        threads: article.threads.some((t) => t.id === thread.id)
          ? article.threads.map((t) => (t.id === thread.id ? thread : t))
          : [...article.threads, thread],
      })),
    [patchArticle],
  );
  const dropThread = useCallback(
    (threadId: string) =>
      patchArticle((article) => ({ ...article, threads: article.threads.filter((t) => t.id !== threadId) })),
    [patchArticle],
  );
  const patchState = useCallback(
    (state: Partial<Article>) => patchArticle((article) => ({ ...article, ...state })),
    [patchArticle],
  );
  const large = useLargeDiscussion(
    slug,
    query.data?.overview ?? null,
    query.data?.article?.threads ?? [],
    putThread,
    dropThread,
    patchState,
  );
  const refreshLarge = large?.refresh;
  const onChanged = useMemo(
    () => (refreshLarge ? (ids: string[]) => void refreshLarge(ids).catch(() => undefined) : undefined),
    [refreshLarge],
  );

  const articleId = query.data?.article?.slug === slug ? query.data.article.id : null;
  const { revised } = useLiveDiscussion(slug, articleId, viewerKey, applyFetched, onChanged);

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
    large,
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
