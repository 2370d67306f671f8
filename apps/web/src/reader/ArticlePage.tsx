import { useParams } from 'react-router';
import { ApiError } from '../api/errors.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { NotFound } from '../ui/NotFoundPage.tsx';
import { ErrorState, Loading } from '../ui/StateViews.tsx';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import { Reader } from './Reader.tsx';
import { useArticle } from './useArticle.ts';
import '../styles/reader.css';

/** Route component for /a/:slug and /a/:slug/c/:commentId: loading, missing and error states. */
export default function ArticlePage() {
  const { slug = '', commentId } = useParams();
  const { user, loading: authLoading } = useAuth();
  // Wait for the session check so the article is not fetched twice (anonymous, then as the user).
  const staff = user?.role === 'MODERATOR' || user?.role === 'ADMIN';
  const data = useArticle(slug, user?.id ?? 'anonymous', !authLoading, staff);
  const article = data.article && data.article.slug === slug ? data.article : null;
  useDocumentTitle(article?.title);

  if (data.status === 'error' && !article) {
    if (data.error instanceof ApiError && data.error.code === 'NOT_FOUND') return <ArticleNotFound />;
    return <ErrorState error={data.error} onRetry={data.reload} title="Could not load this article" />;
  }
  if (!article) {
    return data.status === 'success' ? <ArticleNotFound /> : <Loading label="Loading article…" />;
  }
  return (
    <Reader
      key={article.id}
      article={article}
      commentId={commentId ?? null}
      addThread={data.addThread}
      addComment={data.addComment}
      patchComment={data.patchComment}
      removeComment={data.removeComment}
      replaceThread={data.replaceThread}
      large={data.large}
      live={{ hiddenCount: data.hiddenCount, reveal: data.revealNew, revised: data.revised }}
    />
  );
}

function ArticleNotFound() {
  return (
    <NotFound title="Article not found">
      <p>There is no article at this address. It may have been removed or the link may be mistyped.</p>
    </NotFound>
  );
}
