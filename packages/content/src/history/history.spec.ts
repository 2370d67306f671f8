import { commentBodyFromHtml } from './comment-body.js';
import { detectHistoryFormat } from './detect-history.js';
import { readDisqus } from './disqus.js';
import { articleLinkKey, articleLinkVariants, cleanArticleLink } from './urls.js';
import { readWxr, type WxrEvent } from './wxr.js';
import { readXmlRecords } from './xml-records.js';

async function* chunks(text: string, size = 7): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect<T>(events: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const event of events) out.push(event);
  return out;
}

const WP = 'xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"';

describe('site history formats', () => {
  it('detects WXR and Disqus exports from their content, and nothing else', () => {
    expect(detectHistoryFormat(`<?xml version="1.0"?>\n<!-- generated -->\n<rss version="2.0" ${WP}><channel>`)).toBe(
      'wxr',
    );
    expect(detectHistoryFormat('\uFEFF<?xml version="1.0"?><disqus xmlns="http://disqus.com">')).toBe('disqus');
    expect(detectHistoryFormat('<?xml version="1.0"?><rss version="2.0"><channel>')).toBeUndefined();
    expect(detectHistoryFormat('<html><body>hi</body></html>')).toBeUndefined();
    expect(detectHistoryFormat('plain words')).toBeUndefined();
  });

  it('turns comment HTML into Markdown, keeping quotes, breaks and safe links only', () => {
    const wordpress = commentBodyFromHtml(
      'First line\nsecond line\n\n<em>New</em> paragraph & <a href="https://x.example/a">link</a>',
    );
    expect(wordpress.markdown).toBe('First line\\\nsecond line\n\n*New* paragraph \\& [link](https://x.example/a)');
    expect(wordpress.plain).toBe('First line\nsecond line\n\nNew paragraph & link');
    const disqus = commentBodyFromHtml(
      '<blockquote><p>quoted words</p></blockquote><p>Mine <a href="javascript:alert(1)">bad</a><script>x()</script></p>',
    );
    expect(disqus.markdown).toBe('> quoted words\n\nMine bad');
    expect(disqus.plain).toBe('> quoted words\n\nMine bad');
    expect(commentBodyFromHtml('<p>1. not a list *really*</p>').markdown).toBe('1\\. not a list \\*really\\*');
  });

  it('matches links across scheme, www., trailing slash and tracking parameters', () => {
    const key = articleLinkKey('https://news.example/a/b/');
    expect(articleLinkKey('http://www.news.example/a/b?utm_source=x&fbclid=y#c')).toBe(key);
    expect(articleLinkKey('https://news.example/a/b?p=2')).not.toBe(key);
    expect(articleLinkVariants('http://www.news.example/a/b?utm_medium=e')).toContain('https://news.example/a/b/');
    expect(cleanArticleLink('https://news.example/a?utm_source=x&p=1#top')).toBe('https://news.example/a?p=1');
    expect(articleLinkKey('ftp://news.example/a')).toBeUndefined();
  });

  it('reads records across chunk boundaries, and names truncation and malformed XML', async () => {
    const xml = '<root><r id="1"><a><![CDATA[x & y]]></a></r><r id="2"><a>z</a></r></root>';
    const records = await collect(readXmlRecords(chunks(xml, 3), (path, name) => path.length === 1 && name === 'r'));
    expect(records.map((r) => [r.node.attrs['id'], r.node.children[0]?.text])).toEqual([
      ['1', 'x & y'],
      ['2', 'z'],
    ]);
    await expect(collect(readXmlRecords(chunks(xml.slice(0, 40)), () => true))).rejects.toMatchObject({
      code: 'INVALID_EXPORT',
    });
    await expect(collect(readXmlRecords(chunks('<root><r></x></root>'), () => true))).rejects.toMatchObject({
      code: 'INVALID_EXPORT',
      message: expect.stringContaining('not well-formed'),
    });
  });

  it('reads WXR posts with comments in the order of the file and skips what is not an article', async () => {
    const xml = `<?xml version="1.0"?><rss version="2.0" ${WP}><channel><wp:base_site_url>https://b.example</wp:base_site_url>
      <item><title>T</title><link>https://b.example/t/</link><wp:post_id>5</wp:post_id><wp:status>publish</wp:status>
      <wp:post_type>post</wp:post_type><wp:post_date_gmt>2021-01-02 03:04:05</wp:post_date_gmt>
      <content:encoded><![CDATA[<p>Body</p>]]></content:encoded>
      <wp:comment><wp:comment_id>9</wp:comment_id><wp:comment_author>A</wp:comment_author>
      <wp:comment_date_gmt>2021-01-03 00:00:00</wp:comment_date_gmt><wp:comment_content>Hi</wp:comment_content>
      <wp:comment_approved>hold</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
      <wp:comment><wp:comment_id>10</wp:comment_id><wp:comment_type>trackback</wp:comment_type></wp:comment></item>
      <item><title>Menu</title><wp:post_id>6</wp:post_id><wp:status>publish</wp:status><wp:post_type>nav_menu_item</wp:post_type></item>
      </channel></rss>`;
    const events: WxrEvent[] = await collect(readWxr(chunks(xml, 11)));
    expect(events.map((e) => e.kind)).toEqual(['site', 'post', 'skipped']);
    const post = events[1] as Extract<WxrEvent, { kind: 'post' }>;
    expect(post.post).toMatchObject({ sourceId: '5', publishedAt: '2021-01-02T03:04:05.000Z', html: '<p>Body</p>' });
    expect(post.post.comments).toEqual([
      expect.objectContaining({ sourceId: '9', status: 'PENDING', postedAt: '2021-01-03T00:00:00.000Z' }),
    ]);
    expect(post.warnings).toEqual(['Skipped trackback 10 on post 5 "T".']);
  });

  it('reads Disqus threads and posts with their flags', async () => {
    const xml = `<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
      <thread dsq:id="1"><link>https://c.example/p</link><title>P</title></thread>
      <thread dsq:id="2"><link>not a url</link></thread>
      <post dsq:id="3"><message><![CDATA[<p>x</p>]]></message><createdAt>2020-01-01T00:00:00Z</createdAt>
      <isSpam>true</isSpam><isDeleted>false</isDeleted><author><name>N</name></author><thread dsq:id="1"/><parent dsq:id="2"/></post>
      </disqus>`;
    const events = await collect(readDisqus(chunks(xml)));
    expect(events.map((e) => e.kind)).toEqual(['thread', 'skipped', 'post']);
    expect(events[2]).toMatchObject({
      post: { sourceId: '3', threadSourceId: '1', parentSourceId: '2', status: 'REJECTED', statusReason: 'SPAM' },
    });
  });
});
