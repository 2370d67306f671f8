import { parseHtml } from './html.js';

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <title>Bridges Are Hard | Example Daily</title>
  <meta property="og:site_name" content="Example Daily">
  <meta name="author" content="Jane Doe">
  <meta property="article:published_time" content="2024-03-25T10:00:00Z">
  <link rel="canonical" href="https://example.com/bridges">
  <script>globalThis.__marginaliaPwned = 'head script ran';</script>
  <style>body { color: red }</style>
</head>
<body>
  <nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  <main>
    <article>
      <h1>Bridges Are Hard</h1>
      <p class="byline">By Jane Doe</p>
      <p>Building a bridge across a wide harbour takes years of planning, a great deal of money and more patience than most city councils have, which is why so many of them are never finished at all.</p>
      <h2>The money</h2>
      <p onclick="globalThis.__marginaliaPwned = 'onclick ran'">Tolls were expected to pay back the cost within thirty years; instead they paid it back in twelve, to the surprise of nearly everybody who had argued against the project in the first place.</p>
      <blockquote><p>Nobody expected the tolls to pay for it.</p></blockquote>
      <ul><li><a href="/history">History of the bridge</a></li><li>Engineering notes</li></ul>
      <img src="x" onerror="globalThis.__marginaliaPwned = 'onerror ran'">
      <pre><code>span = 503 m</code></pre>
    </article>
  </main>
  <footer class="site-footer"><p>Copyright Example Daily. All rights reserved. Terms and privacy.</p></footer>
  <script>globalThis.__marginaliaPwned = 'body script ran';</script>
</body>
</html>`;

describe('parseHtml: full documents', () => {
  const parsed = parseHtml(PAGE, { url: 'https://example.com/2024/bridges?utm=x' });

  it('extracts the article with its metadata', () => {
    expect(parsed).toMatchObject({
      title: 'Bridges Are Hard',
      author: 'Jane Doe',
      siteName: 'Example Daily',
      sourceUrl: 'https://example.com/2024/bridges?utm=x',
      publishedAt: '2024-03-25T10:00:00.000Z',
    });
  });

  it('maps the article body to blocks, without navigation, footer or byline', () => {
    expect(parsed.blocks.map((block) => [block.kind, block.text.slice(0, 30), block.href])).toEqual([
      ['paragraph', 'Building a bridge across a wid', undefined],
      ['heading', 'The money', undefined],
      ['paragraph', 'Tolls were expected to pay bac', undefined],
      ['quote', 'Nobody expected the tolls to p', undefined],
      ['list_item', 'History of the bridge', 'https://example.com/history'],
      ['list_item', 'Engineering notes', undefined],
      ['code', 'span = 503 m', undefined],
    ]);
  });

  it('never runs the page scripts or handlers', () => {
    expect((globalThis as Record<string, unknown>).__marginaliaPwned).toBeUndefined();
  });

  it('uses the canonical link when no URL is given', () => {
    expect(parseHtml(PAGE).sourceUrl).toBe('https://example.com/bridges');
  });
});

describe('parseHtml: sanitisation', () => {
  const PAYLOADS = [
    '<script>alert("script")</script>',
    '<img src=x onerror=alert("img")>',
    '<a href="javascript:alert(1)">js link</a>',
    '<a href="JaVaScRiPt:alert(2)">mixed case link</a>',
    '<a href="&#106;avascript:alert(3)">entity link</a>',
    '<a href="  javascript:alert(4)">spaced link</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==">data link</a>',
    '<a href="vbscript:msgbox(6)">vb link</a>',
    '<p onmouseover="alert(7)" style="background:url(javascript:alert(8))">hover text</p>',
    '<iframe src="https://evil.example/frame">iframe fallback alert(9)</iframe>',
    '<object data="evil.swf">object fallback alert(10)</object><embed src="evil.swf">',
    '<svg onload="alert(11)"><script>alert(12)</script></svg>',
    '<style>p { background: url("javascript:alert(13)") }</style>',
    '<math><mtext><script>alert(14)</script></mtext></math>',
    '<noscript><p title="</noscript><img src=x onerror=alert(15)>">noscript</p></noscript>',
    '<form action="javascript:alert(16)"><button formaction="javascript:alert(17)">button</button></form>',
    '<template><script>alert(18)</script></template>',
    '<div><a href="https://ok.example/page" onclick="alert(19)">safe link</a></div>',
    '<p><a href="mailto:editor@example.com">mail the editor</a></p>',
  ].join('\n');

  const parsed = parseHtml(`<h1>Payloads</h1>${PAYLOADS}<p>Last words.</p>`);
  const serialized = JSON.stringify(parsed);

  it('drops every script, handler, frame and dangerous URL', () => {
    expect(serialized).not.toMatch(
      /alert|javascript|vbscript|data:|onerror|onload|onclick|onmouseover|<script|<img|<iframe|evil/i,
    );
  });

  it('keeps the text of links but only safe targets', () => {
    const hrefs = parsed.blocks.flatMap((block) => (block.href ? [block.href] : []));
    expect(hrefs).toEqual(['https://ok.example/page', 'mailto:editor@example.com']);
    const texts = parsed.blocks.map((block) => block.text).join('\n');
    for (const text of [
      'js link',
      'mixed case link',
      'entity link',
      'data link',
      'hover text',
      'safe link',
      'Last words.',
    ]) {
      expect(texts).toContain(text);
    }
  });

  it('maps a fragment directly: first h1 as title, loose text as paragraphs', () => {
    const fragment = parseHtml(
      '<h1>Fragment</h1>Loose <em>inline</em> text<div>In a div</div><p>Para<br>with break</p>',
    );
    expect(fragment.title).toBe('Fragment');
    expect(fragment.blocks).toEqual([
      { kind: 'paragraph', text: 'Loose inline text' },
      { kind: 'paragraph', text: 'In a div' },
      { kind: 'paragraph', text: 'Para\nwith break' },
    ]);
  });

  it('resolves relative links against the given URL and drops them without one', () => {
    expect(parseHtml('<p><a href="/a">A</a></p>', { url: 'https://example.com/x/' }).blocks[0]?.href).toBe(
      'https://example.com/a',
    );
    expect(parseHtml('<p><a href="/a">A</a></p>').blocks[0]?.href).toBeUndefined();
  });

  it.each([
    ['scripts only', '<script>document.write("hi")</script>'],
    ['an empty page', '<!doctype html><html><head><title>Empty</title></head><body></body></html>'],
    ['images only', '<p><img src="a.png"></p>'],
    ['whitespace elements', '<div> </div><p>\n</p>'],
  ])('throws NOTHING_READABLE for %s', (_name, html) => {
    expect(() => parseHtml(html)).toThrow(expect.objectContaining({ code: 'NOTHING_READABLE' }));
  });
});

describe('parseHtml: a page marked for the embed', () => {
  it('takes the element marked data-marginalia-article as the article', () => {
    const page = `<!doctype html><html><head><title>Tides</title></head><body>
      <aside><p>${'Subscribe to our newsletter for more stories like this one every single morning. '.repeat(8)}</p></aside>
      <div data-marginalia-article><p>The river meets the sea twice a day.</p></div></body></html>`;
    const parsed = parseHtml(page, { url: 'https://news.example/tides' });
    const text = JSON.stringify(parsed.blocks);
    expect(text).toContain('The river meets the sea twice a day.');
    expect(text).not.toContain('Subscribe');
  });
});
