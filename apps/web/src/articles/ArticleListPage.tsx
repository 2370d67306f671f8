import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { ARTICLE_PAGE_SIZE, ARTICLES_QUERY, type ArticlesResult, type ArticlesVariables } from '../api/queries.ts';
import type { ArticleSummary } from '../api/types.ts';
import { EmptyState, ErrorState, Loading } from '../ui/StateViews.tsx';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import { usePages } from '../ui/usePages.ts';
import { ArticleListItem } from './ArticleListItem.tsx';
import '../styles/list.css';

export type SortOrder = 'recent' | 'discussed';

/**
 * The server orders the list (`orderBy`); this stable re-sort only guards "Most discussed"
 * against a server that ignores the argument, and keeps the server's order for ties.
 */
export function sortArticles(articles: readonly ArticleSummary[], order: SortOrder): ArticleSummary[] {
  if (order === 'recent') return [...articles];
  return [...articles].sort((a, b) => b.commentCount - a.commentCount);
}

/** Waits for typing to pause before searching, so each keystroke is not a request. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export default function ArticleListPage() {
  useDocumentTitle(null);
  const [params, setParams] = useSearchParams();
  const order: SortOrder = params.get('sort') === 'discussed' ? 'discussed' : 'recent';
  const [search, setSearch] = useState(params.get('q') ?? '');
  const term = useDebounced(search.trim(), 250);
  const searchId = useId();

  // Keep the URL shareable: ?q= and ?sort= mirror the controls.
  useEffect(() => {
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (term) next.set('q', term);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [term, setParams]);

  const pages = usePages(`articles:${order}:${term}`, async (after, signal) => {
    const variables: ArticlesVariables = {
      orderBy: order === 'discussed' ? 'MOST_DISCUSSED' : 'NEWEST',
      first: ARTICLE_PAGE_SIZE,
    };
    if (term) variables.search = term;
    if (after) variables.after = after;
    const data = await api.request<ArticlesResult>(ARTICLES_QUERY, variables, { signal });
    return data.articles;
  });
  const query = pages.first;
  const articles = useMemo(() => sortArticles(pages.nodes ?? [], order), [pages.nodes, order]);

  // Keyboard users continue from the first new article rather than from the (vanishing) button.
  const listRef = useRef<HTMLOListElement>(null);
  const focusItem = useRef<number | null>(null);
  const count = articles.length;
  useEffect(() => {
    const index = focusItem.current;
    if (index === null || count <= index) return;
    focusItem.current = null;
    listRef.current?.querySelectorAll<HTMLAnchorElement>('.article-card h2 a')[index]?.focus();
  }, [count]);
  const loadMore = async () => {
    focusItem.current = count;
    await pages.loadMore();
  };

  const setOrder = (next: SortOrder) =>
    setParams(
      (p) => {
        const updated = new URLSearchParams(p);
        if (next === 'discussed') updated.set('sort', 'discussed');
        else updated.delete('sort');
        return updated;
      },
      { replace: true },
    );

  return (
    <div className="article-list-page">
      <div className="list-intro">
        <h1>Articles</h1>
        <p>Essays, reports and debates, annotated paragraph by paragraph.</p>
      </div>
      <div className="list-controls">
        <form role="search" className="search" onSubmit={(e) => e.preventDefault()}>
          <label htmlFor={searchId} className="visually-hidden">
            Search articles by title
          </label>
          <input
            id={searchId}
            type="search"
            placeholder="Search by title…"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </form>
        <div className="segmented" role="group" aria-label="Order articles">
          <button type="button" aria-pressed={order === 'recent'} onClick={() => setOrder('recent')}>
            Newest
          </button>
          <button type="button" aria-pressed={order === 'discussed'} onClick={() => setOrder('discussed')}>
            Most discussed
          </button>
        </div>
      </div>

      {query.status === 'error' ? (
        <ErrorState error={query.error} onRetry={query.reload} title="Could not load articles" />
      ) : !pages.nodes ? (
        <Loading label="Loading articles…" />
      ) : articles.length === 0 ? (
        <EmptyState title={term ? `No articles match “${term}”` : 'No articles yet'}>
          {term ? (
            <button type="button" className="button" onClick={() => setSearch('')}>
              Clear search
            </button>
          ) : (
            <p>Articles appear here once they have been imported.</p>
          )}
        </EmptyState>
      ) : (
        <>
          <p className="visually-hidden" role="status">
            {articles.length} {articles.length === 1 ? 'article' : 'articles'}
            {term ? ` matching “${term}”` : ''}
          </p>
          <ol
            ref={listRef}
            className={`article-list${query.status === 'loading' ? ' is-stale' : ''}`}
            aria-busy={query.status === 'loading'}
          >
            {articles.map((article) => (
              <ArticleListItem key={article.id} article={article} />
            ))}
          </ol>
          {pages.moreState.error != null && (
            <ErrorState
              error={pages.moreState.error}
              onRetry={() => void loadMore()}
              title="Could not load more articles"
            />
          )}
          {pages.hasNextPage && pages.moreState.error == null && (
            <p className="load-more">
              <button
                type="button"
                className="button"
                onClick={() => void loadMore()}
                disabled={pages.moreState.loading}
                aria-busy={pages.moreState.loading}
              >
                {pages.moreState.loading ? 'Loading…' : 'More articles'}
              </button>
            </p>
          )}
        </>
      )}
    </div>
  );
}
