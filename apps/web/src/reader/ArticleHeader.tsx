import { Link } from 'react-router';
import type { Article } from '../api/types.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { ExportButton } from './ExportButton.tsx';
import { formatDate, hostOf, plural, safeHttpUrl } from '../ui/format.ts';

export function ArticleHeader({ article }: { article: Article }) {
  const source = safeHttpUrl(article.sourceUrl);
  const site = article.siteName ?? hostOf(article.sourceUrl);
  const { user } = useAuth();
  return (
    <header className="article-header">
      {site && <p className="article-site">{site}</p>}
      <h1 className="article-title">{article.title}</h1>
      <p className="article-byline">
        {article.author && (
          <span>
            By <span className="article-author">{article.author}</span>
          </span>
        )}
        {article.publishedAt && <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>}
        <span>
          {plural(article.threadCount, 'thread')}, {plural(article.commentCount, 'comment')}
        </span>
        {user?.role === 'ADMIN' && <ExportButton articleId={article.id} slug={article.slug} />}
        {user?.role === 'ADMIN' && <Link to={`/manage/articles/${article.id}`}>Manage</Link>}
      </p>
      {source && (
        <p className="article-source">
          <a href={source} rel="noopener noreferrer" target="_blank">
            Read the original{site ? ` on ${site}` : ''}
            <span aria-hidden="true"> ↗</span>
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </p>
      )}
    </header>
  );
}
