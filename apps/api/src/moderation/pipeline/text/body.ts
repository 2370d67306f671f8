// Reads a markdown body the way a reader will see it: the visible prose (for
// word counts and shouting) and the external links (for link limits, domain
// rules and link density). Parsing with markdown-it rather than regexes means
// `[x](http://…)`, `<http://…>`, images and bare URLs are all found, while URLs
// inside code spans/blocks - which render as inert text - are not.
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { stripWww } from './domains.js';

export interface BodyLink {
  href: string;
  /** Normalized hostname (lowercase, punycode, without "www."). */
  host: string;
}

export interface BodyAnalysis {
  /** Visible prose, code excluded. */
  text: string;
  wordCount: number;
  /** Links leaving the site, in document order (duplicates kept: each one counts). */
  links: BodyLink[];
}

// Raw HTML stays disabled, as in rendering: `<a href>` is then plain text, and a
// URL inside it is still picked up by linkify. Fuzzy linking is switched on so
// "www.example.com" counts even without a scheme; other scheme-less matches
// ("README.md" - .md is a TLD) are ignored in `isCountedLinkify`.
const markdown = new MarkdownIt({ linkify: true });
markdown.linkify.set({ fuzzyLink: true, fuzzyEmail: false });

/** Resolves relative links; anything staying on this host points at our own site. */
const INTERNAL_BASE = 'https://internal.invalid/';
const INTERNAL_HOST = 'internal.invalid';

// Phases run one after another on the same body; remembering the last analysis
// avoids parsing the same markdown three times per comment.
let last: { body: string; analysis: BodyAnalysis } | undefined;

export function analyzeBody(body: string): BodyAnalysis {
  if (last?.body !== body) last = { body, analysis: analyze(body) };
  return last.analysis;
}

function analyze(body: string): BodyAnalysis {
  const prose: string[] = [];
  const links: BodyLink[] = [];
  for (const block of markdown.parse(body, {})) {
    if (block.type !== 'inline') continue; // fences and code blocks are not prose
    const children = block.children ?? [];
    children.forEach((token, index) => {
      if (token.type === 'text') prose.push(token.content);
      else if (token.type === 'softbreak' || token.type === 'hardbreak') prose.push(' ');
      else if (token.type === 'image') {
        prose.push(token.content);
        addLink(links, token.attrGet('src'));
      } else if (token.type === 'link_open' && isCountedLinkify(token, children[index + 1])) {
        addLink(links, token.attrGet('href'));
      }
    });
    prose.push('\n');
  }
  const text = prose.join('').trim();
  const wordCount = text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  return { text, wordCount, links };
}

function isCountedLinkify(link: Token, label: Token | undefined): boolean {
  if (link.markup !== 'linkify') return true;
  const shown = label?.content ?? '';
  return /^(?:[a-z][a-z\d+.-]*:|www\.)/iu.test(shown);
}

function addLink(links: BodyLink[], href: string | number | null): void {
  if (typeof href !== 'string') return;
  let url: URL;
  try {
    url = new URL(href, INTERNAL_BASE);
  } catch {
    return;
  }
  // mailto:, relative and other non-web links do not send readers off-site.
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === INTERNAL_HOST) return;
  links.push({ href, host: stripWww(url.hostname) });
}
