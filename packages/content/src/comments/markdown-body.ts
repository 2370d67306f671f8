/**
 * Legacy comment bodies are plain text; the platform stores comment bodies as Markdown.
 * Escaping every Markdown-significant character keeps the text rendering as written
 * (a `*` stays a star, `1.` at a line start stays a number, not a list).
 */

const INLINE_SPECIAL = /[\\`*_[\]<>&|~]/g;

export function escapeMarkdown(line: string): string {
  let escaped = line.replace(INLINE_SPECIAL, (char) => `\\${char}`);
  // Constructs that only count at the start of a line.
  escaped = escaped
    .replace(/^(#{1,6})(?=\s|$)/, '\\$1')
    .replace(/^([-+])(?=\s)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^(=+|-+)$/, '\\$1');
  return escaped;
}

/** `blockquote>` is how WordPress print exports render a quote the commenter marked up. */
export const LEGACY_QUOTE_LINE = /^(?:blockquote>|>)\s*(.*)$/;

/**
 * Plain body (paragraphs separated by blank lines) → Markdown. Line breaks inside a
 * paragraph become hard breaks (`\` at line end) so the author's layout survives;
 * quoted lines become Markdown block quotes.
 */
export function plainToMarkdown(body: string): string {
  const out: string[] = [];
  for (const paragraph of body.split(/\n{2,}/)) {
    let group: string[] = [];
    const flush = (): void => {
      if (group.length) out.push(group.join('\\\n'));
      group = [];
    };
    for (const line of paragraph.split('\n')) {
      const quote = LEGACY_QUOTE_LINE.exec(line);
      if (quote) {
        flush();
        out.push(`> ${escapeMarkdown(quote[1] ?? '')}`);
      } else {
        group.push(escapeMarkdown(line));
      }
    }
    flush();
  }
  return out.join('\n\n');
}
