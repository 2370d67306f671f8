/**
 * @marginalia/content: turns imported articles (plain text, Markdown, HTML, JSON bundles)
 * into the block model with canonical text, plus legacy comments threaded onto it.
 */
export * from './blocks.js';
export { ContentError, type ContentErrorCode } from './errors.js';
export type { CommentAnchor, ParsedArticle, ParsedComment } from './types.js';
export { MAX_IMPORT_BYTES } from './input.js';
export { parsePlainText, type PlainTextOptions } from './plain/plain-text.js';
export { parseMarkdown } from './markdown.js';
export { parseHtml, type HtmlOptions } from './html/html.js';
export { parseBundle } from './bundle/validate.js';
export { toBundle } from './bundle/to-bundle.js';
export {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type Bundle,
  type BundleAnchor,
  type BundleArticle,
  type BundleComment,
} from './bundle/bundle-types.js';
export { detectFormat, IMPORT_FORMATS, type ImportFormat } from './detect.js';
export { parseAny, type ParseOptions } from './parse-any.js';
export { summarize, type ImportSummary } from './summarize.js';
export { describeAnchor } from './anchors.js';
export * from './history/index.js';
export { QuoteAnchorer } from './comments/threading.js';
