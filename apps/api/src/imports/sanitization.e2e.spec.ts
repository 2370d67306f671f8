import type { INestApplicationContext } from '@nestjs/common';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { TestApi } from '../../test/support/api-client.js';
import { startWorker } from '../../test/support/worker.js';
import { adminToken, importAndWait } from '../../test/support/imports/import-client.js';

const HTML = `<!doctype html><html><head><title>Payloads</title><script>steal(document.cookie)</script>
<style>body { background: url("javascript:alert('css')") }</style></head><body><article>
<h1>Payloads</h1>
<p onclick="alert('click')">A paragraph with an <a href="javascript:alert('href')">evil link</a>, a
<a href="https://example.org/ok">good link</a> and <img src="x" onerror="alert('img')"> an image.</p>
<script>alert('inline')</script>
<iframe src="https://evil.example/frame"></iframe>
<p>Second paragraph <svg onload="alert('svg')"><script>alert('svg-script')</script></svg> with
<b onmouseover="alert('hover')">bold</b> text and <form action="https://evil.example/"><input value="x"></form>.</p>
<blockquote>A quote <span onfocus="alert('focus')">kept</span>.</blockquote>
<ul><li><a href="vbscript:msgbox('vb')">vb</a> item</li><li><a href="data:text/html,<script>alert(1)</script>">data</a> item</li></ul>
<p><a href="https://example.org/whole">A paragraph that is one safe link</a></p>
</article></body></html>`;

const MARKDOWN = `# Markdown payloads

Hello <script>alert('md')</script> world <img src=x onerror="alert('md-img')">.

[click me](javascript:alert('md-link')) and <a href="javascript:alert('md-a')" onclick="alert('md-click')">raw link</a>.

<div onmouseover="alert('md-div')">raw block</div>

> A quote with [a good link](https://example.org/fine).
`;

const BUNDLE = JSON.stringify({
  format: 'marginalia.bundle',
  version: 1,
  article: { title: 'Bundle payloads', blocks: [{ kind: 'paragraph', text: 'An article whose comments try things.' }] },
  comments: [
    { number: 1, authorName: 'mallory', postedAt: '2024-01-01T10:00:00Z', body: "<script>alert('c1')</script> hi" },
    { number: 2, authorName: 'mallory', postedAt: '2024-01-01T10:01:00Z', body: "[x](javascript:alert('c2'))" },
    { number: 3, authorName: 'mallory', postedAt: '2024-01-01T10:02:00Z', body: "<img src=x onerror=alert('c3')>" },
  ],
});

/** Executable payloads: tags that run code, handler attributes, script URLs. */
const PAYLOAD =
  /<\s*(script|iframe|svg|object|embed|form|style)\b|\bon[a-z]+\s*=|(javascript|vbscript|data):|alert\(|steal\(/i;
/** In rendered HTML, escaped text is harmless: look for live tags, handlers and script links only. */
const LIVE_HTML =
  /<\s*(script|iframe|svg|object|embed|img|form)\b|<[^>]+\son[a-z]+\s*=|href\s*=\s*["']?\s*(javascript|vbscript|data):/i;

const REVISION = `query($slug: String!) { article(slug: $slug) {
  revision { text blocks { kind text href } }
  threads { comments { bodyHtml } } } }`;

interface Served {
  article: {
    revision: { text: string; blocks: Array<{ kind: string; text: string; href: string | null }> };
    threads: Array<{ comments: Array<{ bodyHtml: string }> }>;
  };
}

describe('sanitization of imported content', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;
  let token: string;

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startWorker();
    prisma = api.app.get(PrismaService);
    token = await adminToken(api);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  async function importAndRead(input: Record<string, unknown>): Promise<Served['article']> {
    const job = await importAndWait(api, token, input);
    expect(job.status).toBe('SUCCEEDED');
    const stored = await prisma.articleRevision.findFirstOrThrow({ where: { articleId: job.articleId! } });
    expect(JSON.stringify(stored.blocks)).not.toMatch(PAYLOAD);
    expect(stored.canonicalText).not.toMatch(PAYLOAD);
    const served = (await api.gql<Served>(REVISION, { slug: job.articleSlug })).data!.article;
    for (const block of served.revision.blocks) {
      expect(block.text).not.toMatch(PAYLOAD);
      if (block.href) expect(block.href).toMatch(/^https?:\/\//);
    }
    return served;
  }

  it('keeps no script, handler or script link from HTML, and keeps the text around them', async () => {
    const served = await importAndRead({ html: HTML });
    const text = served.revision.text;
    expect(text).toContain('evil link');
    expect(text).toContain('good link');
    expect(text).toContain('bold');
    expect(text).toContain('kept');
    expect(served.revision.blocks.find((b) => b.text === 'A paragraph that is one safe link')?.href).toBe(
      'https://example.org/whole',
    );
  });

  it('keeps no raw HTML payload or script link from Markdown', async () => {
    const served = await importAndRead({ markdown: MARKDOWN });
    expect(served.revision.text).toContain('raw block');
    expect(served.revision.text).toContain('click me');
    expect(served.revision.blocks.some((b) => b.kind === 'quote')).toBe(true);
  });

  it('renders imported comment bodies without live markup', async () => {
    const served = await importAndRead({ bundle: BUNDLE });
    const bodies = served.threads.flatMap((t) => t.comments.map((c) => c.bodyHtml));
    expect(bodies).toHaveLength(3);
    for (const html of bodies) expect(html).not.toMatch(LIVE_HTML);
  });

  it('refuses a bundle that carries a script link', async () => {
    const bundle = JSON.stringify({
      format: 'marginalia.bundle',
      version: 1,
      article: { title: 'Link', blocks: [{ kind: 'paragraph', text: 'Click', href: 'javascript:alert(1)' }] },
      comments: [],
    });
    const job = await importAndWait(api, token, { bundle });
    expect(job.status).toBe('FAILED');
    expect(job.error).toMatch(/^INVALID_BUNDLE: .*article\.blocks\[0\]\.href/);
  });
});
