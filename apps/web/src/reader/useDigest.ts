import { api } from '../api/client.ts';
import { useQuery } from '../ui/useQuery.ts';
import { ARTICLE_DIGEST_QUERY, type ArticleDigest } from './digestQueries.ts';

export type { ArticleDigest, DigestSentence, DigestTheme } from './digestQueries.ts';

/** What readers are saying about an article: null until its first digest is built. Asked once `enabled`. */
export function useDigest(articleId: string, enabled: boolean) {
  return useQuery(
    `digest|${articleId}`,
    (signal) => api.request<{ articleDigest: ArticleDigest | null }>(ARTICLE_DIGEST_QUERY, { articleId }, { signal }),
    enabled,
  );
}
