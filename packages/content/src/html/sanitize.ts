import sanitizeHtml from 'sanitize-html';

/**
 * Two allow-lists. Both drop scripts, styles, embedded frames/objects, every event handler
 * and every non-http(s)/mailto URL before any parser builds a DOM from the input.
 *
 * - `sanitizeDocument` keeps page structure (sections, nav, class/id, meta) because
 *   Readability needs it to tell the article from the chrome around it.
 * - `sanitizeContent` is the strict list for what becomes blocks: headings, paragraphs,
 *   quotes, lists, links, code, emphasis, plus attribute-less structural tags (div, br,
 *   table rows) so adjacent texts do not run together.
 */

// Never keep the text of these: it is code, styling or fallback content, not prose.
const NON_TEXT = [
  'script',
  'style',
  'textarea',
  'option',
  'select',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'applet',
  'frame',
  'frameset',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'button',
];

const SAFE_SCHEMES = ['http', 'https', 'mailto'];

const CONTENT_TAGS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'pre',
  'code',
  'em',
  'strong',
  'br',
  'div',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
];

const DOCUMENT_TAGS = [
  ...CONTENT_TAGS,
  'html',
  'head',
  'body',
  'title',
  'meta',
  'link',
  'main',
  'article',
  'section',
  'header',
  'footer',
  'nav',
  'aside',
  'figure',
  'figcaption',
  'time',
  'address',
  'span',
  'b',
  'i',
  'u',
  'small',
  'sub',
  'sup',
  'dl',
  'dt',
  'dd',
  'hr',
  'caption',
  'cite',
  'q',
  'abbr',
  'mark',
];

export function sanitizeContent(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: CONTENT_TAGS,
    allowedAttributes: { a: ['href'] },
    allowedSchemes: SAFE_SCHEMES,
    allowedSchemesByTag: {},
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: [...NON_TEXT, 'title', 'head'],
  });
}

export function sanitizeDocument(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: DOCUMENT_TAGS,
    allowedAttributes: {
      // data-marginalia-article: the element a publisher embedding Marginalia marks as the article.
      '*': ['class', 'id', 'lang', 'dir', 'itemprop', 'data-marginalia-article'],
      a: ['href', 'rel'],
      link: ['rel', 'href'],
      meta: ['name', 'property', 'content', 'charset'],
      time: ['datetime'],
    },
    allowedSchemes: SAFE_SCHEMES,
    allowedSchemesByTag: {},
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: NON_TEXT,
  });
}

const TAG_LIKE = /<\/?[a-z!][^<>]{0,2000}>/i;
const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };

/**
 * Text with markup written into it (raw HTML in Markdown) → its readable text: tags go,
 * the content of script/style/frames goes with them. Text without tags is returned as is.
 */
export function stripMarkup(text: string): string {
  if (!TAG_LIKE.test(text)) return text;
  return sanitizeHtml(text, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: [...NON_TEXT, 'title', 'head'],
  }).replace(/&(?:lt|gt|amp|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}
