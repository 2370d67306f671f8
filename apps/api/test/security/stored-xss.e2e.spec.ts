import { ImportRunner } from '../../src/imports/import-runner.js';
import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { TestApi } from '../support/api-client.js';
import { makeArticle } from '../support/factories.js';
import { startWorker } from '../support/worker.js';
import { JSDOM } from 'jsdom';
import type { Browser } from 'playwright-core';
import { launchChromium, renderAll, tripwirePage } from './browser.js';
import { XSS_PAYLOADS } from './xss-payloads.js';

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const FORBIDDEN_TAGS =
  /^(script|iframe|object|embed|svg|math|style|link|meta|base|form|input|button|textarea|select|frame|frameset|applet|template|noscript|xmp|plaintext|video|audio|source)$/i;

/** Executable constructs left in sanitized HTML, found by parsing it as a browser would. */
function executableParts(html: string): string[] {
  const { document } = new JSDOM(`<body>${html}</body>`).window;
  const problems: string[] = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (FORBIDDEN_TAGS.test(el.tagName)) problems.push(`<${el.tagName.toLowerCase()}>`);
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name) || attr.name === 'style' || attr.name === 'srcdoc') problems.push(`${attr.name}=`);
      if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href'].includes(attr.name)) {
        const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(
          [...attr.value].filter((c) => c.charCodeAt(0) > 0x20).join(''),
        )?.[1];
        if (scheme && !SAFE_SCHEMES.has(`${scheme.toLowerCase()}:`)) problems.push(`${attr.name}=${scheme}:`);
      }
    }
  }
  return problems;
}

describe('stored XSS', () => {
  let api: TestApi;
  let browser: Browser;

  beforeAll(async () => {
    [api, browser] = await Promise.all([TestApi.start(), launchChromium()]);
  });
  afterAll(async () => {
    await Promise.all([api.close(), browser.close()]);
  });

  it('has a corpus of at least 100 payloads', () => {
    expect(new Set(XSS_PAYLOADS).size).toBeGreaterThanOrEqual(100);
  });

  it('the browser tripwire catches a payload that is not sanitized', async () => {
    const tripwire = await tripwirePage(browser);
    const { events, schemes } = await renderAll(tripwire, [
      '<img src=x onerror=alert(1)>',
      '<img src=x onerror="window.__pwned=1">',
      '<a href="javascript:alert(1)">x</a>',
    ]);
    await tripwire.page.close();
    expect(events.some((e) => e.startsWith('dialog alert'))).toBe(true);
    expect(schemes).toEqual(expect.arrayContaining(['javascript:', 'pwned']));
  });

  it('stores comment bodies without executable HTML, and none runs in Chromium', async () => {
    const prisma = api.app.get(PrismaService);
    const article = await makeArticle(prisma);
    // CommentService allows 10 comments a minute per user: one author per ten payloads.
    const chunks = Array.from({ length: Math.ceil(XSS_PAYLOADS.length / 10) }, (_, i) =>
      XSS_PAYLOADS.slice(i * 10, i * 10 + 10),
    );
    const stored = (
      await Promise.all(
        chunks.map(async (payloads) => {
          const author = await api.register();
          const ids: string[] = [];
          for (const body of payloads) {
            const res = await api.gql<{ createThread: { comments: Array<{ id: string }> } }>(
              'mutation($input: CreateThreadInput!) { createThread(input: $input) { comments { id } } }',
              { input: { articleId: article.id, body } },
              author.token,
            );
            const id = res.data?.createThread.comments[0]?.id;
            if (id) ids.push(id);
            else expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
          }
          return ids;
        }),
      )
    ).flat();
    expect(stored.length).toBeGreaterThanOrEqual(100);

    const rows = await prisma.comment.findMany({
      where: { id: { in: stored } },
      select: { bodySource: true, bodyHtml: true },
    });
    const unsafe = rows
      .map((row) => ({ body: row.bodySource, problems: executableParts(row.bodyHtml), html: row.bodyHtml }))
      .filter((row) => row.problems.length > 0);
    expect(unsafe).toEqual([]);

    const tripwire = await tripwirePage(browser);
    const { events, schemes } = await renderAll(
      tripwire,
      rows.map((row) => row.bodyHtml),
    );
    await tripwire.page.close();
    expect(events.filter((e) => !e.startsWith('request http'))).toEqual([]);
    expect(schemes.filter((s) => !SAFE_SCHEMES.has(s))).toEqual([]);
  });

  it.each(['html', 'markdown'] as const)(
    'imports the corpus as %s without executable links or markup',
    async (format) => {
      const worker = await startWorker();
      const runner = worker.get(ImportRunner);
      const source =
        format === 'html'
          ? `<html><head><title>XSS corpus</title></head><body><article><h1>XSS corpus</h1>${XSS_PAYLOADS.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`
          : `# XSS corpus\n\n${XSS_PAYLOADS.join('\n\n')}\n`;
      const summary = await runner
        .run({ [format]: source, format, slug: `xss-${format}` })
        .finally(() => worker.close());
      const revision = await api.app
        .get(PrismaService)
        .articleRevision.findFirstOrThrow({ where: { articleId: summary.articleId }, orderBy: { version: 'desc' } });
      const blocks = revision.blocks as Array<{ kind: string; text: string; href?: string }>;
      // Broken payloads (<plaintext>, open comments, raw HTML blocks) swallow what follows them, as in a browser.
      expect(blocks.length).toBeGreaterThan(format === 'html' ? 1 : 20);
      const badLinks = blocks.filter(
        (b) => b.href !== undefined && !SAFE_SCHEMES.has(new URL(b.href, 'https://x.test/').protocol),
      );
      expect(badLinks).toEqual([]);
      // Blocks are plain text: the reader renders them as text nodes, so markup shows as text.
      const tripwire = await tripwirePage(browser);
      const rendered = await tripwire.page.evaluate(
        async (texts: string[]) => {
          for (const text of texts) {
            const p = document.createElement('p');
            p.textContent = text;
            document.body.appendChild(p);
          }
          await new Promise((r) => setTimeout(r, 200));
          return (
            document.body.querySelectorAll('p').length === texts.length && document.body.querySelectorAll('p *').length
          );
        },
        blocks.map((b) => b.text),
      );
      await tripwire.page.close();
      expect(rendered).toBe(0);
      expect(tripwire.events).toEqual([]);
    },
  );
});
