import MarkdownIt, { type Token } from 'markdown-it';
import type { Block } from './blocks.js';
import { ContentError } from './errors.js';
import { stripMarkup } from './html/sanitize.js';
import { readInput } from './input.js';
import { safeHref } from './text/links.js';
import { deriveTitle } from './text/sentences.js';
import { cleanBlockText, normalizeDocument } from './text/whitespace.js';
import type { ParsedArticle } from './types.js';

// Raw HTML is never interpreted (html: false); it reaches us as text and is reduced to its
// readable words below, so stored blocks carry no script or handler payloads even as text.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
// Every link target becomes a link token and safeHref decides: a `javascript:` link then
// keeps its label as text instead of surviving as literal `[label](javascript:…)`.
markdown.validateLink = (): boolean => true;

interface FrontMatter {
  title?: string;
  author?: string;
  siteName?: string;
  sourceUrl?: string;
  publishedAt?: string;
}

const FRONT_MATTER = /^---\n([\s\S]{0,4000}?)\n---\n/;

/** `--- key: value ---` at the top of the file (a common Markdown export convention). */
function readFrontMatter(source: string): { meta: FrontMatter; body: string } {
  const match = FRONT_MATTER.exec(source);
  if (!match) return { meta: {}, body: source };
  const meta: FrontMatter = {};
  for (const line of (match[1] ?? '').split('\n')) {
    const pair = /^([A-Za-z_]+)\s*:\s*(.+)$/.exec(line.trim());
    if (!pair) continue;
    const key = (pair[1] ?? '').toLowerCase();
    const value = (pair[2] ?? '').trim().replace(/^(["'])(.*)\1$/, '$2');
    if (key === 'title') meta.title = value;
    else if (key === 'author') meta.author = value;
    else if (key === 'site' || key === 'sitename' || key === 'site_name') meta.siteName = value;
    else if (key === 'url' || key === 'source' || key === 'sourceurl' || key === 'source_url') {
      const href = safeHref(value);
      if (href) meta.sourceUrl = href;
    } else if (key === 'date' || key === 'published' || key === 'publishedat') {
      const time = Date.parse(value);
      if (!Number.isNaN(time)) meta.publishedAt = new Date(time).toISOString();
    }
  }
  return { meta, body: source.slice(match[0].length) };
}

interface InlineResult {
  text: string;
  /** Set when the whole inline content is one link. */
  href?: string;
  images: number;
}

function readInline(token: Token | undefined): InlineResult {
  const children = token?.children ?? [];
  let text = '';
  /** Prose since the last code span: raw HTML is stripped from it as a whole. */
  let prose = '';
  let images = 0;
  let links = 0;
  let href: string | undefined;
  let outsideLink = false;
  let depth = 0;
  const flushProse = (): void => {
    text += stripMarkup(prose);
    prose = '';
  };
  for (const child of children) {
    switch (child.type) {
      case 'text':
        prose += child.content;
        if (depth === 0 && child.content.trim()) outsideLink = true;
        break;
      case 'code_inline':
        // Code is quoted literally, tags included.
        flushProse();
        text += child.content;
        if (depth === 0) outsideLink = true;
        break;
      case 'softbreak':
        prose += ' ';
        break;
      case 'hardbreak':
        prose += '\n';
        break;
      case 'image':
        images++;
        break;
      case 'link_open':
        links++;
        depth++;
        href = String(child.attrGet('href') ?? '');
        break;
      case 'link_close':
        depth--;
        break;
      default:
        break;
    }
  }
  flushProse();
  const single = links === 1 && !outsideLink ? safeHref(href) : undefined;
  return { text: cleanBlockText(text), images, ...(single ? { href: single } : {}) };
}

/** Code keeps its indentation; blank lines go, since "\n\n" separates blocks. */
function codeText(content: string): string {
  return content.replace(/\s+$/, '').replace(/\n(?:[ \t]*\n)+/g, '\n');
}

/**
 * Markdown → blocks: headings, paragraphs, block quotes (each paragraph a quote block),
 * list items (one block per item; nested items follow their parent), code, table rows.
 * The first h1 becomes the title; otherwise the title is derived.
 */
export function parseMarkdown(input: string): ParsedArticle {
  const { meta, body } = readFrontMatter(normalizeDocument(readInput(input)));
  const tokens = markdown.parse(body, {});
  const blocks: Block[] = [];
  const warnings: string[] = [];
  const lists: boolean[] = [];
  let quoteDepth = 0;
  let title = meta.title;
  let images = 0;
  /** Index of the list item block collecting paragraphs, while inside one. */
  let openItem: number | undefined;
  let itemFresh = false;
  let row: string[] = [];

  const push = (block: Block): boolean => {
    if (!block.text) return false;
    blocks.push(block);
    return true;
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    switch (token.type) {
      case 'heading_open': {
        const inline = readInline(tokens[i + 1]);
        images += inline.images;
        const level = Number(token.tag.slice(1));
        if (level === 1 && title === undefined && inline.text) title = inline.text.replace(/\n/g, ' ');
        else push({ kind: 'heading', level, text: inline.text.replace(/\n/g, ' ') });
        break;
      }
      case 'paragraph_open': {
        const inline = readInline(tokens[i + 1]);
        images += inline.images;
        const link = inline.href ? { href: inline.href } : {};
        if (openItem !== undefined && !itemFresh) {
          // A later paragraph of the same list item extends that item.
          const item = blocks[openItem];
          if (item && inline.text) item.text = item.text ? `${item.text}\n${inline.text}` : inline.text;
        } else if (lists.length > 0) {
          const pushed = push({
            kind: 'list_item',
            text: inline.text,
            ordered: lists[lists.length - 1] === true,
            ...link,
          });
          openItem = pushed ? blocks.length - 1 : undefined;
          itemFresh = !pushed;
        } else {
          push({ kind: quoteDepth > 0 ? 'quote' : 'paragraph', text: inline.text, ...link });
        }
        break;
      }
      case 'blockquote_open':
        quoteDepth++;
        break;
      case 'blockquote_close':
        quoteDepth--;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push(token.type === 'ordered_list_open');
        openItem = undefined;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        openItem = undefined;
        break;
      case 'list_item_open':
        openItem = undefined;
        itemFresh = true;
        break;
      case 'list_item_close':
        openItem = undefined;
        break;
      case 'fence':
      case 'code_block':
        push({ kind: 'code', text: codeText(token.content) });
        break;
      case 'inline':
        if (tokens[i - 1]?.type === 'th_open' || tokens[i - 1]?.type === 'td_open') row.push(readInline(token).text);
        break;
      case 'tr_close':
        push({ kind: 'paragraph', text: row.join(' | ') });
        row = [];
        break;
      default:
        break;
    }
  }
  if (images > 0) warnings.push(`Dropped ${images} image(s): articles are imported as text.`);
  if (blocks.length === 0) throw new ContentError('NOTHING_READABLE', 'The Markdown has no text to import.');
  if (title === undefined) {
    const first = blocks[0];
    title = first?.kind === 'heading' ? first.text : deriveTitle(first?.text ?? '');
  }
  return {
    title,
    ...(meta.author ? { author: meta.author } : {}),
    ...(meta.siteName ? { siteName: meta.siteName } : {}),
    ...(meta.sourceUrl ? { sourceUrl: meta.sourceUrl } : {}),
    ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
    blocks,
    comments: [],
    warnings,
  };
}
