import type * as HtmlParser2 from 'htmlparser2';
import { createRequire } from 'node:module';
import { escapeMarkdown } from '../comments/markdown-body.js';
import { safeHref } from '../text/links.js';

/** A comment body from an export, as the platform stores it and as threading reads it. */
export interface CommentBody {
  /** Markdown (the platform's comment source); renders to the sanitized body. */
  markdown: string;
  /** Plain text, paragraphs separated by blank lines, quoted lines starting with `> `. */
  plain: string;
}

/**
 * Loaded with require, as sanitize-html loads it: htmlparser2 is an ES module, and a static
 * import beside sanitize-html's require of the same module is a require(esm) cycle.
 */
const { Parser } = createRequire(import.meta.url)('htmlparser2') as typeof HtmlParser2;

const BLOCK = new Set([
  'p',
  'div',
  'blockquote',
  'ul',
  'ol',
  'li',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'tr',
  'hr',
  'section',
  'article',
]);
const SKIP = new Set(['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'svg', 'math']);
const HAS_BLOCK_MARKUP = /<(?:p|div|br|blockquote|ul|ol|li|pre|h[1-6])\b/i;
const INLINE_MARK: Record<string, string> = { em: '*', i: '*', strong: '**', b: '**', del: '~~', s: '~~', code: '`' };

/**
 * Turns an exported comment (WordPress comment text with inline HTML, or Disqus HTML) into
 * Markdown the platform renders and sanitizes like any comment. Scripts, styles and unsafe
 * links are dropped; text is escaped so it renders as written. A body without block markup
 * is WordPress's plain text: blank lines separate paragraphs and single newlines are breaks.
 */
export function commentBodyFromHtml(html: string): CommentBody {
  const autoParagraphs = !HAS_BLOCK_MARKUP.test(html);
  const markdownBlocks: string[] = [];
  const plainBlocks: string[] = [];
  let md = '';
  let plain = '';
  let quoteDepth = 0;
  let skipDepth = 0;
  let preDepth = 0;
  const lists: Array<{ ordered: boolean; n: number }> = [];
  let itemPrefix = '';
  const links: Array<string | undefined> = [];

  const flush = (): void => {
    const text = plain
      .replace(/[ \t]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .trim();
    if (text) {
      const mdText = md.replace(/[ \t]+/g, ' ').trim();
      const quote = (s: string): string =>
        quoteDepth > 0
          ? s
              .split('\n')
              .map((line) => `${'> '.repeat(quoteDepth)}${line}`)
              .join('\n')
          : s;
      markdownBlocks.push(
        quote(preDepth > 0 ? `\`\`\`\n${md.replace(/`{3,}/g, '``')}\n\`\`\`` : `${itemPrefix}${mdText}`),
      );
      plainBlocks.push(quote(text));
    }
    md = '';
    plain = '';
    itemPrefix = '';
  };
  const addText = (raw: string): void => {
    if (skipDepth > 0) return;
    if (preDepth > 0) {
      md += raw;
      plain += raw;
      return;
    }
    if (!autoParagraphs) {
      const text = raw.replace(/\s+/g, ' ');
      md += escapeMarkdown(text);
      plain += text;
      return;
    }
    const paragraphs = raw.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n+/);
    paragraphs.forEach((paragraph, i) => {
      if (i > 0) flush();
      paragraph.split('\n').forEach((line, j) => {
        if (j > 0 && md.trim()) {
          md += '\\\n';
          plain += '\n';
        }
        md += escapeMarkdown(line);
        plain += line;
      });
    });
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIP.has(name)) skipDepth++;
        if (skipDepth > 0) return;
        if (BLOCK.has(name)) flush();
        if (name === 'blockquote') quoteDepth++;
        else if (name === 'pre') preDepth++;
        else if (name === 'ul' || name === 'ol') lists.push({ ordered: name === 'ol', n: 0 });
        else if (name === 'li') {
          const list = lists[lists.length - 1];
          if (list) list.n++;
          itemPrefix = list?.ordered ? `${list.n}. ` : '- ';
        } else if (name === 'br') {
          md += '\\\n';
          plain += '\n';
        } else if (name === 'a') {
          const href = safeHref(attrs['href']);
          links.push(href);
          if (href) md += '[';
        } else if (INLINE_MARK[name] && preDepth === 0) md += INLINE_MARK[name];
      },
      ontext: addText,
      onclosetag(name) {
        if (SKIP.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'a') {
          const href = links.pop();
          if (href) md += `](${href.replace(/[()\s]/g, encodeURIComponent)})`;
        } else if (INLINE_MARK[name] && preDepth === 0) md += INLINE_MARK[name];
        if (BLOCK.has(name)) flush();
        if (name === 'blockquote') quoteDepth = Math.max(0, quoteDepth - 1);
        else if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        else if (name === 'ul' || name === 'ol') lists.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return { markdown: markdownBlocks.join('\n\n'), plain: plainBlocks.join('\n\n') };
}
