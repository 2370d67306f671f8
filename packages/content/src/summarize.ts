import type { ParsedArticle } from './types.js';

export interface ImportSummary {
  blocks: number;
  /** Heading blocks. */
  sections: number;
  comments: number;
  /** Comments that open a thread anchored on a passage. */
  anchoredThreads: number;
  /** Comments that reply to another comment. */
  replies: number;
  /** Comments that open a thread about the whole page. */
  pageThreads: number;
}

/** Counts shown to the admin before an import is confirmed. */
export function summarize(parsed: ParsedArticle): ImportSummary {
  const replies = parsed.comments.filter((comment) => comment.parentNumber !== undefined).length;
  const anchoredThreads = parsed.comments.filter(
    (comment) => comment.parentNumber === undefined && comment.anchor,
  ).length;
  return {
    blocks: parsed.blocks.length,
    sections: parsed.blocks.filter((block) => block.kind === 'heading').length,
    comments: parsed.comments.length,
    anchoredThreads,
    replies,
    pageThreads: parsed.comments.length - replies - anchoredThreads,
  };
}
