import { Link } from 'react-router';
import type { ArticleSummary } from '../api/types.ts';
import { formatDate, hostOf, plural } from '../ui/format.ts';

export function ArticleListItem({ article }: { article: ArticleSummary }) {
  const site = article.siteName ?? hostOf(article.sourceUrl);
  const date = article.publishedAt ?? article.createdAt;
  return (
    <li className="article-card">
      <h2>
        <Link to={`/a/${encodeURIComponent(article.slug)}`}>{article.title}</Link>
        {article.state === 'UNPUBLISHED' && <span className="status-badge"> Unpublished</span>}
        {article.state === 'ARCHIVED' && <span className="status-badge"> Archived</span>}
      </h2>
      <p className="article-card-meta">
        {site && <span className="site">{site}</span>}
        {article.author && <span>{article.author}</span>}
        {date && <time dateTime={date}>{formatDate(date)}</time>}
      </p>
      <p className="article-card-counts">
        <span>{plural(article.threadCount, 'thread')}</span>
        <span>{plural(article.commentCount, 'comment')}</span>
      </p>
    </li>
  );
}
