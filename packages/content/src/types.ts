import type { Block } from './blocks.js';

/** A W3C-style anchor: position and quote selectors over the canonical text (code points). */
export interface CommentAnchor {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export interface ParsedComment {
  /** 1-based number as printed in the source (`#N`), unique within an article. */
  number: number;
  authorName: string;
  /** ISO 8601 timestamp (UTC). */
  postedAt: string;
  /** The body as Markdown that renders back to the original plain text. */
  bodyMarkdown: string;
  /** Number of the earlier comment this one replies to. */
  parentNumber?: number;
  /** Passage of the article this comment's thread is anchored on. */
  anchor?: CommentAnchor;
  /** The quotation that produced the anchor or the reply link, as written in the comment. */
  quote?: string;
}

export interface ParsedArticle {
  title: string;
  /** URL-safe identifier; only bundles carry one. */
  slug?: string;
  author?: string;
  siteName?: string;
  sourceUrl?: string;
  /** ISO 8601 timestamp when known. */
  publishedAt?: string;
  blocks: Block[];
  comments: ParsedComment[];
  /** Things the parser dropped, guessed or could not interpret, for the importing admin. */
  warnings: string[];
}
