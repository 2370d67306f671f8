import { api } from '../api/client.ts';
import { useQuery } from '../ui/useQuery.ts';

export const ARTICLE_DIGEST_QUERY = `
  query ArticleDigest($articleId: ID!) {
    articleDigest(articleId: $articleId) {
      updatedAt
      commentCount
      sourceCommentIds
      themes {
        label
        terms
        commentIds
        sentences { text commentId }
        passage { threadId quote start end }
      }
      openQuestions { text commentId }
    }
  }
`;

export interface DigestSentence {
  text: string;
  commentId: string;
}

export interface DigestTheme {
  label: string;
  terms: string[];
  commentIds: string[];
  sentences: DigestSentence[];
  passage: { threadId: string; quote: string; start: number; end: number } | null;
}

export interface ArticleDigest {
  updatedAt: string;
  commentCount: number;
  /** Staff only; null for everyone else. */
  sourceCommentIds: string[] | null;
  themes: DigestTheme[];
  openQuestions: DigestSentence[];
}

/** What readers are saying about an article: null until its first digest is built. Asked once `enabled`. */
export function useDigest(articleId: string, enabled: boolean) {
  return useQuery(
    `digest|${articleId}`,
    (signal) => api.request<{ articleDigest: ArticleDigest | null }>(ARTICLE_DIGEST_QUERY, { articleId }, { signal }),
    enabled,
  );
}
