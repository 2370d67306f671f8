import type { ParsedComment } from '../types.js';
import type { LegacyComment } from './legacy.js';
import { plainToMarkdown } from './markdown-body.js';
import { inferThreads } from './threading.js';

/** Legacy comments → ParsedComment, threaded against the article's canonical text. */
export function toParsedComments(canonicalText: string, comments: readonly LegacyComment[]): ParsedComment[] {
  const links = inferThreads(canonicalText, comments);
  return comments.map((comment, i) => {
    const link = links[i] ?? {};
    return {
      number: comment.number,
      authorName: comment.authorName,
      postedAt: comment.postedAt,
      bodyMarkdown: plainToMarkdown(comment.body),
      ...(link.parentNumber !== undefined ? { parentNumber: link.parentNumber } : {}),
      ...(link.anchor ? { anchor: link.anchor } : {}),
      ...(link.quote ? { quote: link.quote } : {}),
    };
  });
}
