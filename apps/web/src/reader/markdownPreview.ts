/**
 * Client-side Markdown for the composer's preview, configured like the server's renderer
 * (no raw HTML, links autodetected, line breaks kept) and sanitized like every comment body.
 * markdown-it loads on first preview, outside the reader's initial bundle.
 */
import { sanitizeCommentHtml } from './sanitize.ts';

let renderer: Promise<(source: string) => string> | null = null;

export function renderPreview(source: string): Promise<string> {
  renderer ??= import('markdown-it').then(({ default: MarkdownIt }) => {
    const md = new MarkdownIt({ html: false, linkify: true, typographer: true, breaks: true });
    return (text: string) => md.render(text);
  });
  return renderer.then((render) => sanitizeCommentHtml(render(source)));
}
