import { describe, expect, it } from 'vitest';
import { renderPreview } from './markdownPreview.ts';

describe('composer preview', () => {
  it('renders Markdown like the server and keeps raw HTML and scripts out', async () => {
    const html = await renderPreview(
      '**bold** and *soft*\n> quoted\n\n<script>alert(1)</script> [x](javascript:alert(1))',
    );
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>soft</em>');
    expect(html).toContain('<blockquote>');
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/href="javascript/i);
  });
});
