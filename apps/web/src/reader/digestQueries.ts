/** The reader's digest documents and types (validated against the schema by e2e/schema.e2e.ts). */
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
