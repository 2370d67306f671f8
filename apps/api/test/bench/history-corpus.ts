/**
 * Generated site histories for the migration benchmark: a WordPress WXR file and a Disqus
 * export of the same site, written to disk as streams (the files are generated at bench time,
 * never committed). Posts carry their share of the comments; a fifth of the comments quote
 * the article (anchored threads), a third reply to an earlier comment, the rest stand alone;
 * a few are pending, spam or trashed, as in a real export.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'harbour tide gauge ferry timetable winter council budget fishermen quay storm breakwater pilot cargo ' +
  'lighthouse keeper channel dredging mooring fees repair crane warehouse market shellfish season licence ' +
  'survey chart depth current wind forecast report meeting residents promise delay contract engineer'
).split(' ');

export interface HistoryCorpus {
  posts: number;
  comments: number;
  bytes: number;
}

export interface CorpusOptions {
  site: string;
  comments: number;
  commentsPerPost: number;
}

const cdata = (text: string): string => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

function paragraphs(random: () => number, post: number): string[] {
  return Array.from({ length: 8 }, (_, p) => {
    const words = Array.from({ length: 40 }, () => WORDS[Math.floor(random() * WORDS.length)]!);
    return `Post ${post} paragraph ${p}: ${words.join(' ')}.`;
  });
}

/** The comments of one post: [id, parent id or 0, body HTML, status]. */
function* commentsOf(
  random: () => number,
  text: string[],
  first: number,
  count: number,
): Generator<{ id: number; parent: number; html: string; approved: string; author: number }> {
  for (let i = 0; i < count; i++) {
    const id = first + i;
    const roll = random();
    const parent = i > 0 && roll < 0.33 ? first + Math.floor(random() * i) : 0;
    const quote =
      parent === 0 && roll > 0.8
        ? `<blockquote>${text[Math.floor(random() * text.length)]!.split(' ').slice(3, 15).join(' ')}</blockquote>\n`
        : '';
    const words = Array.from({ length: 25 }, () => WORDS[Math.floor(random() * WORDS.length)]!).join(' ');
    const status = random();
    const approved = status < 0.9 ? '1' : status < 0.95 ? '0' : status < 0.98 ? 'spam' : 'trash';
    yield {
      id,
      parent,
      html: `${quote}Comment ${id}: ${words}.\n\nSecond line of ${id}.`,
      approved,
      author: Math.floor(random() * 5000),
    };
  }
}

async function write(
  file: string,
  produce: (emit: (chunk: string) => Promise<void>) => Promise<void>,
): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  await produce(async (chunk) => {
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  });
  out.end();
  await once(out, 'finish');
  return bytes;
}

/** A WXR 1.2 export with `comments` comments over posts of `commentsPerPost`. */
export async function writeWxr(
  file: string,
  { site, comments, commentsPerPost }: CorpusOptions,
): Promise<HistoryCorpus> {
  const random = seeded(2026);
  const posts = Math.ceil(comments / commentsPerPost);
  const bytes = await write(file, async (emit) => {
    await emit(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench Gazette</title><link>https://${site}</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://${site}</wp:base_site_url>
<wp:author><wp:author_login>editor</wp:author_login><wp:author_display_name>The Editor</wp:author_display_name></wp:author>
`);
    let id = 1;
    for (let post = 1; post <= posts; post++) {
      const text = paragraphs(random, post);
      const count = Math.min(commentsPerPost, comments - (id - 1));
      let item = `<item><title>Post ${post}</title><link>https://${site}/${post}/</link><dc:creator>editor</dc:creator>
<content:encoded>${cdata(text.map((p) => `<p>${p}</p>`).join('\n'))}</content:encoded>
<wp:post_id>${post}</wp:post_id><wp:post_date_gmt>2020-01-01 00:00:00</wp:post_date_gmt><wp:post_name>post-${post}</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
`;
      for (const c of commentsOf(random, text, id, count)) {
        item += `<wp:comment><wp:comment_id>${c.id}</wp:comment_id><wp:comment_author>${cdata(`Reader ${c.author}`)}</wp:comment_author>
<wp:comment_author_email>reader${c.author}@bench.example</wp:comment_author_email><wp:comment_date_gmt>2020-01-02 03:04:05</wp:comment_date_gmt>
<wp:comment_content>${cdata(c.html)}</wp:comment_content><wp:comment_approved>${c.approved}</wp:comment_approved>
<wp:comment_type>comment</wp:comment_type><wp:comment_parent>${c.parent}</wp:comment_parent></wp:comment>
`;
      }
      id += count;
      await emit(`${item}</item>\n`);
    }
    await emit('</channel>\n</rss>\n');
  });
  return { posts, comments, bytes };
}

/** A Disqus export with `comments` posts over threads of `commentsPerPost`, linking to `site`'s pages. */
export async function writeDisqus(
  file: string,
  { site, comments, commentsPerPost }: CorpusOptions,
): Promise<HistoryCorpus> {
  const random = seeded(1999);
  const threads = Math.ceil(comments / commentsPerPost);
  const bytes = await write(file, async (emit) => {
    await emit(`<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
`);
    for (let t = 1; t <= threads; t++) {
      await emit(`<thread dsq:id="t${t}"><link>http://www.${site}/${t}?utm_source=bench</link><title>Post ${t}</title>
<createdAt>2020-01-01T00:00:00Z</createdAt></thread>
`);
    }
    let id = 1;
    for (let t = 1; t <= threads; t++) {
      const text = paragraphs(random, t);
      const count = Math.min(commentsPerPost, comments - (id - 1));
      let chunk = '';
      for (const c of commentsOf(random, text, id, count)) {
        chunk += `<post dsq:id="d${c.id}"><message>${cdata(`<p>${c.html.replaceAll('\n\n', '</p><p>')}</p>`)}</message>
<createdAt>2020-01-02T03:04:05Z</createdAt><isDeleted>${c.approved === 'trash'}</isDeleted><isSpam>${c.approved === 'spam'}</isSpam>
<author><email>reader${c.author}@bench.example</email><name>Reader ${c.author}</name><username>reader${c.author}</username></author>
<thread dsq:id="t${t}"/>${c.parent ? `<parent dsq:id="d${c.parent}"/>` : ''}</post>
`;
      }
      id += count;
      await emit(chunk);
    }
    await emit('</disqus>\n');
  });
  return { posts: threads, comments, bytes };
}
