/**
 * Comment bodies arrive as server-sanitized HTML; they are sanitized again here because the
 * browser is the last line of defence (a bug or a compromised proxy upstream must not turn
 * into script execution). Links are forced to open safely and marked as user content.
 */
import DOMPurify from 'dompurify';

const ALLOWED_TAGS = [
  'p',
  'br',
  'a',
  'em',
  'strong',
  'b',
  'i',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'del',
  's',
  'sup',
  'sub',
  'hr',
];
const ALLOWED_ATTR = ['href', 'title'];

let hooked = false;
function ensureLinkHook(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      // Mentions link to a profile in this app: opened in place (and routed client-side).
      if (/^\/u\/[^/]/.test(node.getAttribute('href') ?? '')) {
        node.setAttribute('class', 'mention');
        return;
      }
      node.setAttribute('rel', 'nofollow ugc noopener noreferrer');
      node.setAttribute('target', '_blank');
    }
  });
}

export function sanitizeCommentHtml(html: string): string {
  ensureLinkHook();
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|\/|#)/i,
  });
}

const previews = new Map<string, string>();

/**
 * Plain-text preview of a comment body (for collapsed thread cards). The result is only ever
 * rendered as text, so the markup is parsed in an inert document without sanitizing; results
 * are cached because a long discussion asks for hundreds of them at once.
 */
export function commentText(html: string): string {
  const cached = previews.get(html);
  if (cached !== undefined) return cached;
  parser ??= new DOMParser();
  const text = (parser.parseFromString(html, 'text/html').body.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (previews.size > 5000) previews.clear();
  previews.set(html, text);
  return text;
}

let parser: DOMParser | undefined;
