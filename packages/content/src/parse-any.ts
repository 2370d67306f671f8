import { parseBundle } from './bundle/validate.js';
import { IMPORT_FORMATS, detectFormat, type ImportFormat } from './detect.js';
import { ContentError } from './errors.js';
import { parseHtml } from './html/html.js';
import { readInput } from './input.js';
import { parseMarkdown } from './markdown.js';
import { parsePlainText } from './plain/plain-text.js';
import type { ParsedArticle } from './types.js';

export interface ParseOptions {
  /** Skip detection. */
  format?: ImportFormat;
  /** File name, extension or MIME type, used when `format` is not given. */
  hint?: string;
  /** Page URL for HTML (relative links, source URL). */
  url?: string;
}

/** One entry point for every import: checks the input, picks the parser, parses. */
export function parseAny(input: string | Uint8Array, options: ParseOptions = {}): ParsedArticle {
  const text = readInput(input);
  const format = options.format ?? detectFormat(text, options.hint);
  if (!IMPORT_FORMATS.includes(format)) {
    throw new ContentError(
      'UNSUPPORTED_FORMAT',
      `Unknown import format "${String(format)}"; expected one of ${IMPORT_FORMATS.join(', ')}.`,
    );
  }
  switch (format) {
    case 'text':
      return parsePlainText(text);
    case 'markdown':
      return parseMarkdown(text);
    case 'html':
      return parseHtml(text, options.url ? { url: options.url } : {});
    case 'bundle':
      return parseBundle(text);
  }
}
