import { ContentError } from './errors.js';
import { readInput } from './input.js';

export type ImportFormat = 'text' | 'markdown' | 'html' | 'bundle';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['text', 'markdown', 'html', 'bundle'];

/** File extensions, MIME types and format names a caller may pass as a hint. */
const HINTS: Record<string, ImportFormat> = {
  text: 'text',
  txt: 'text',
  'text/plain': 'text',
  markdown: 'markdown',
  md: 'markdown',
  mdown: 'markdown',
  mkd: 'markdown',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  bundle: 'bundle',
  json: 'bundle',
  'application/json': 'bundle',
  'marginalia.bundle': 'bundle',
};

/** Formats people will try to import that Marginalia does not read. */
const UNSUPPORTED_HINT =
  /^(?:pdf|docx?|odt|rtf|epub|xml|application\/(?:pdf|msword|rtf|epub\+zip|xml|vnd\..*)|image\/.*|audio\/.*|video\/.*)$/;

function hintFormat(hint: string | undefined): ImportFormat | undefined {
  if (!hint) return undefined;
  const value = hint.trim().toLowerCase().split(';')[0]?.trim() ?? '';
  const key = value.includes('/') ? value : (value.split('.').pop() ?? value);
  if (UNSUPPORTED_HINT.test(key))
    throw new ContentError(
      'UNSUPPORTED_FORMAT',
      `"${hint}" files cannot be imported; use text, Markdown, HTML, a Marginalia bundle, or a WordPress (WXR) or Disqus export.`,
    );
  return HINTS[key];
}

const SNIFF_BYTES = 64 * 1024;
const HTML_TAG =
  /<\/?(?:html|head|body|p|div|span|h[1-6]|ul|ol|li|blockquote|article|section|a|br|table|pre|em|strong|b|i|img)\b[^>]{0,500}>/gi;
const HTML_BLOCK_CLOSE = /<\/(?:p|div|h[1-6]|li|ul|ol|blockquote|article|section|table|tr|td)>/gi;

function looksLikeHtml(head: string): boolean {
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<!doctype\s+html/i.test(head)) return true;
  if (head.startsWith('<') && (head.match(HTML_TAG)?.length ?? 0) >= 1) return true;
  return (head.match(HTML_BLOCK_CLOSE)?.length ?? 0) >= 3;
}

const MARKDOWN_SIGNALS: Record<string, RegExp> = {
  list: /^ {0,3}(?:[-*+]|\d{1,3}[.)])\s+\S/,
  quote: /^ {0,3}>\s?\S/,
  emphasis: /(\*\*|__)\S[^*_\n]{0,100}\1|(?:^|[\s(])\*\S[^*\n]{0,100}\*(?=$|[\s).,;:!?])/,
  code: /`[^`\n]{1,200}`/,
  table: /^\|.{1,500}\|\s*$/,
  rule: /^ {0,3}(?:\*\s*){3,}$|^ {0,3}(?:_\s*){3,}$/,
};
/** Any one of these settles it: nobody writes them in plain prose. */
const MARKDOWN_STRONG = [
  /^#{1,6}\s+\S/, // ATX heading ("#1 Comment" has no space, so legacy exports are safe)
  /^ {0,3}(?:```|~~~)/, // fenced code
  /\[[^\]\n]{1,200}\]\((?:https?:\/\/|\/|#|\.{0,2}\/|mailto:)[^)\s]{0,2000}\)/, // inline link
  /^\[[^\]\n]{1,100}\]:\s+\S/, // link reference definition
];

function looksLikeMarkdown(head: string): boolean {
  const kinds = new Set<string>();
  const lines = head.split('\n', 4000);
  let previous = '';
  for (const line of lines) {
    if (line.length > 5000) continue;
    if (MARKDOWN_STRONG.some((pattern) => pattern.test(line))) return true;
    // Setext heading: a text line underlined with === (--- is too common in prose).
    if (/^=+\s*$/.test(line) && previous.trim()) kinds.add('setext');
    for (const [kind, pattern] of Object.entries(MARKDOWN_SIGNALS)) if (pattern.test(line)) kinds.add(kind);
    previous = line;
  }
  return kinds.size >= 2;
}

/**
 * Which parser an import needs. A recognised hint (file name, extension, MIME type or
 * format name) wins; otherwise the content is sniffed: JSON → bundle, markup → HTML,
 * Markdown constructs → Markdown, anything else → text.
 */
export function detectFormat(input: string | Uint8Array, hint?: string): ImportFormat {
  const fromHint = hintFormat(hint);
  if (fromHint) return fromHint;
  const text = readInput(input);
  const head = text.slice(0, SNIFF_BYTES).trimStart();
  if (/^%PDF-|^\{\\rtf/.test(head))
    throw new ContentError(
      'UNSUPPORTED_FORMAT',
      'PDF and RTF files cannot be imported; export the article as text, Markdown or HTML.',
    );
  if (head.startsWith('{') || head.startsWith('[')) {
    try {
      JSON.parse(text);
      return 'bundle';
    } catch {
      // Not JSON after all: prose that starts with a brace.
    }
  }
  if (looksLikeHtml(head)) return 'html';
  if (/^<\?xml/.test(head))
    throw new ContentError(
      'UNSUPPORTED_FORMAT',
      'XML documents other than XHTML, WordPress (WXR) exports and Disqus exports cannot be imported.',
    );
  return looksLikeMarkdown(head) ? 'markdown' : 'text';
}
