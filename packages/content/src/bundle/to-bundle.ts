import type { Block } from '../blocks.js';
import type { ParsedArticle } from '../types.js';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle, type BundleComment } from './bundle-types.js';
import { parseBundle } from './validate.js';

/** Only the block model's own fields: positioned blocks carry offsets that are derived. */
function plainBlock(block: Block): Block {
  return {
    kind: block.kind,
    text: block.text,
    ...(block.level !== undefined ? { level: block.level } : {}),
    ...(block.speaker !== undefined ? { speaker: block.speaker } : {}),
    ...(block.ordered !== undefined ? { ordered: block.ordered } : {}),
    ...(block.href !== undefined ? { href: block.href } : {}),
  };
}

/**
 * Exports a parsed article as a bundle. The result is validated before it is returned, so
 * an export can always be imported again (`parseBundle(toBundle(a))`).
 */
export function toBundle(parsed: ParsedArticle): Bundle {
  const comments: BundleComment[] = parsed.comments.map((comment) => ({
    number: comment.number,
    authorName: comment.authorName,
    postedAt: comment.postedAt,
    body: comment.bodyMarkdown,
    ...(comment.parentNumber !== undefined ? { parentNumber: comment.parentNumber } : {}),
    ...(comment.anchor
      ? {
          anchor: {
            start: comment.anchor.start,
            end: comment.anchor.end,
            exact: comment.anchor.exact,
            prefix: comment.anchor.prefix,
            suffix: comment.anchor.suffix,
          },
        }
      : {}),
  }));
  const bundle: Bundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    article: {
      ...(parsed.slug ? { slug: parsed.slug } : {}),
      title: parsed.title,
      ...(parsed.author ? { author: parsed.author } : {}),
      ...(parsed.siteName ? { siteName: parsed.siteName } : {}),
      ...(parsed.sourceUrl ? { sourceUrl: parsed.sourceUrl } : {}),
      ...(parsed.publishedAt ? { publishedAt: parsed.publishedAt } : {}),
      blocks: parsed.blocks.map(plainBlock),
    },
    comments,
  };
  parseBundle(bundle);
  return bundle;
}
