import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { api } from '../api/client.ts';
import { ARTICLES_QUERY, type ArticlesResult } from '../api/queries.ts';
import { formatDate, plural } from '../ui/format.ts';
import { EmptyState, ErrorState, Loading } from '../ui/StateViews.tsx';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import { useQuery } from '../ui/useQuery.ts';
import { STATE_LABELS } from './articleDesk.ts';

/** Admin: the articles (unpublished ones included), each leading to its desk page. */
export default function ArticlesDeskPage() {
  useDocumentTitle('Articles');
  const location = useLocation();
  const deleted = (location.state as { deleted?: string } | null)?.deleted;
  const [search, setSearch] = useState('');
  const loaded = useQuery(`desk-articles:${search}`, (signal) =>
    api.request<ArticlesResult>(ARTICLES_QUERY, { search: search || undefined, first: 50 }, { signal }),
  );
  const nodes = loaded.data?.articles.nodes;
  return (
    <div className="admin-page">
      <h1>Articles</h1>
      <p className="admin-lede">Edit an article’s details, hide or archive it, open or close its discussion.</p>
      {deleted && (
        <p className="notice" role="status">
          “{deleted}” was deleted.
        </p>
      )}
      <div className="field">
        <label htmlFor="desk-search">Search titles</label>
        <input id="desk-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      {loaded.status === 'error' && !nodes ? (
        <ErrorState error={loaded.error} onRetry={loaded.reload} />
      ) : !nodes ? (
        <Loading label="Loading articles…" />
      ) : nodes.length === 0 ? (
        <EmptyState title="No articles">Import one from Manage → Import.</EmptyState>
      ) : (
        <ul className="desk-article-list">
          {nodes.map((article) => (
            <li key={article.id}>
              <Link to={`/manage/articles/${article.id}`}>{article.title}</Link>
              <span className="site-meta">
                {' '}
                · {article.state ? STATE_LABELS[article.state] : ''}
                {article.discussionStatus && article.discussionStatus !== 'OPEN' && article.state === 'PUBLISHED'
                  ? ' · comments closed'
                  : ''}
                {article.publishedAt ? ` · published ${formatDate(article.publishedAt)}` : ''} ·{' '}
                {plural(article.commentCount, 'comment')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
