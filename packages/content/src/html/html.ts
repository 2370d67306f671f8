import { Readability } from '@mozilla/readability';
import type * as Jsdom from 'jsdom';
import { createRequire } from 'node:module';
import type { Block } from '../blocks.js';
import { ContentError } from '../errors.js';
import { readInput } from '../input.js';
import { byLineAuthor } from '../plain/patterns.js';
import { safeHref } from '../text/links.js';
import { deriveTitle } from '../text/sentences.js';
import { normalizeDocument } from '../text/whitespace.js';
import type { ParsedArticle } from '../types.js';
import { domToBlocks, type DomNode } from './dom-blocks.js';
import { sanitizeContent, sanitizeDocument } from './sanitize.js';

export interface HtmlOptions {
  /** Where the page came from: resolves relative links and becomes the source URL. */
  url?: string;
}

let jsdom: typeof Jsdom.JSDOM | undefined;

/**
 * jsdom takes about half a second to load: it is loaded by the first HTML page parsed, not
 * by every process that imports this package (the API, the worker, the CLI).
 */
function loadJsdom(): typeof Jsdom.JSDOM {
  jsdom ??= (createRequire(import.meta.url)('jsdom') as typeof Jsdom).JSDOM;
  return jsdom;
}

const FULL_DOCUMENT = /<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]/i;
/**
 * Readability's scoring slows down sharply on huge DOMs (seconds at ~10,000 elements);
 * past this size the page is mostly article anyway, so its whole body is imported.
 */
export const READABILITY_MAX_ELEMENTS = 5000;

interface Extracted {
  content: string;
  warning?: string;
  title?: string;
  author?: string;
  siteName?: string;
  publishedAt?: string;
  sourceUrl?: string;
}

function optional(value: string | null | undefined, max = 300): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, max) : undefined;
}

function isoDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * Full pages go through Readability to find the article among navigation, ads and
 * footers. The page is sanitised before jsdom sees it, and jsdom never runs scripts
 * (no `runScripts`) nor loads resources.
 */
function extractArticle(html: string, url: string | undefined): Extracted {
  const dom = new (loadJsdom())(sanitizeDocument(html), url ? { url } : {});
  try {
    const document = dom.window.document;
    const meta = (selector: string, attribute: string): string | undefined =>
      optional(document.querySelector(selector)?.getAttribute(attribute));
    const canonical = safeHref(meta('link[rel="canonical"]', 'href') ?? meta('meta[property="og:url"]', 'content'));
    const fallbackTitle = optional(document.querySelector('title')?.textContent);
    const bodyHtml = document.body?.innerHTML ?? '';
    const elements = document.getElementsByTagName('*').length;
    const tooLarge = elements > READABILITY_MAX_ELEMENTS;
    // The publisher's own word on where the article is (the embed's marker) beats Readability's guess.
    const marked = document.querySelector('[data-marginalia-article]');
    const markedHtml = marked?.textContent?.trim() ? marked.innerHTML : undefined;
    const article = tooLarge ? null : new Readability(document, { charThreshold: 200 }).parse();
    const content = markedHtml ?? (article?.content && article.textContent?.trim() ? article.content : bodyHtml);
    const title = optional(article?.title) ?? fallbackTitle;
    const author = optional(article?.byline, 120)?.replace(/^by\s+/i, '');
    const siteName = optional(article?.siteName, 120);
    const publishedAt = isoDate(article?.publishedTime);
    const sourceUrl = url ?? canonical;
    return {
      content,
      ...(tooLarge
        ? {
            warning: `The page has ${elements} elements; imported its whole body without separating the article from navigation.`,
          }
        : {}),
      ...(title ? { title } : {}),
      ...(author ? { author } : {}),
      ...(siteName ? { siteName } : {}),
      ...(publishedAt ? { publishedAt } : {}),
      ...(sourceUrl ? { sourceUrl } : {}),
    };
  } finally {
    dom.window.close();
  }
}

function toBlocks(html: string, base: string | undefined): Block[] {
  const fragment = loadJsdom().fragment(sanitizeContent(html)) as unknown as DomNode;
  return domToBlocks(fragment, base);
}

/** `Post title | Site` → `Post title` when the site name is known. */
function withoutSiteName(title: string, siteName: string | undefined): string {
  if (!siteName) return title;
  for (const separator of [' | ', ' - ', ' – ', ' — ', ' · ', ' :: ']) {
    const parts = title.split(separator);
    if (parts.length < 2) continue;
    if (sameText(parts[parts.length - 1] ?? '', siteName)) return parts.slice(0, -1).join(separator).trim();
    if (sameText(parts[0] ?? '', siteName)) return parts.slice(1).join(separator).trim();
  }
  return title;
}

function sameText(a: string, b: string): boolean {
  const norm = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

/**
 * HTML → blocks. Fragments are sanitised and mapped directly; full documents are reduced
 * to their main article first. Throws NOTHING_READABLE when no text survives.
 */
export function parseHtml(input: string, options: HtmlOptions = {}): ParsedArticle {
  const html = normalizeDocument(readInput(input));
  const warnings: string[] = [];
  const url = safeHref(options.url);
  if (options.url && !url) warnings.push(`Ignored the page URL "${options.url}": not an absolute http(s) URL.`);

  const extracted: Extracted = FULL_DOCUMENT.test(html.slice(0, 8192)) ? extractArticle(html, url) : { content: html };
  if (extracted.warning) warnings.push(extracted.warning);
  let blocks = toBlocks(extracted.content, url);
  if (blocks.length === 0) throw new ContentError('NOTHING_READABLE', 'The HTML has no readable text.');

  let title = extracted.title === undefined ? undefined : withoutSiteName(extracted.title, extracted.siteName);
  let author = extracted.author;
  const first = blocks[0];
  if (first?.kind === 'heading' && (title === undefined ? first.level === 1 : sameText(first.text, title))) {
    // The page's own title heading: keep it as the title, not as a block.
    title ??= first.text;
    blocks = blocks.slice(1);
  }
  const byline = blocks[0]?.kind === 'paragraph' ? byLineAuthor(blocks[0].text) : undefined;
  if (byline && (author === undefined || sameText(byline, author))) {
    // A "By Jane Doe" line is metadata the page printed, not article text.
    author ??= byline;
    blocks = blocks.slice(1);
  }
  if (blocks.length === 0) throw new ContentError('NOTHING_READABLE', 'The HTML has a title but no readable text.');
  title ??= deriveTitle(blocks[0]?.text ?? '');
  const sourceUrl = extracted.sourceUrl ?? url;

  return {
    title,
    ...(author ? { author } : {}),
    ...(extracted.siteName ? { siteName: extracted.siteName } : {}),
    ...(sourceUrl ? { sourceUrl } : {}),
    ...(extracted.publishedAt ? { publishedAt: extracted.publishedAt } : {}),
    blocks,
    comments: [],
    warnings,
  };
}
