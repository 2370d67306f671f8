import type { ReactNode } from 'react';
import { ErrorState, Loading } from '../ui/StateViews.tsx';
import type { useEmbeddedArticle } from './useEmbeddedArticle.ts';

/**
 * What a framed page shows until its article is ready: a note outside a publisher's page, the
 * error or loading state, a note while the page is being imported; then `children(slug)`.
 */
export function EmbedArticleGate({
  article: { framed, embed, state },
  outside,
  preparing,
  children,
}: {
  article: ReturnType<typeof useEmbeddedArticle>;
  outside: string;
  preparing: string;
  children: (slug: string) => ReactNode;
}) {
  if (!framed) return <p className="empty-note">{outside}</p>;
  if (embed.status === 'error' && !state) {
    return <ErrorState error={embed.error} onRetry={embed.reload} title="Could not load the discussion" />;
  }
  if (!state) return <Loading label="Loading the discussion…" />;
  if (state.state === 'PENDING' || !state.slug) {
    return (
      <p className="empty-note" role="status">
        {preparing}
      </p>
    );
  }
  return <>{children(state.slug)}</>;
}
