import { commentBodyFromHtml } from './comment-body.js';
import { anyDate, wordpressDate } from './dates.js';
import type { HistoryAuthor, HistoryComment, HistoryStatus, WxrPost } from './history-types.js';
import { child, childText, readXmlRecords, type XmlNode } from './xml-records.js';

export type WxrEvent =
  | { kind: 'site'; baseUrl: string }
  | { kind: 'post'; post: WxrPost; warnings: string[]; bytesRead: number }
  | { kind: 'skipped'; warning: string; bytesRead: number };

const CHANNEL_FIELDS = new Set(['item', 'wp:author', 'wp:base_site_url', 'wp:base_blog_url', 'link']);
const ARTICLE_TYPES = new Set(['post', 'page']);
const NOT_CONTENT: Record<string, string> = { attachment: 'attachment', nav_menu_item: 'navigation menu item' };

const STATUS: Record<string, { status: HistoryStatus; reason?: string }> = {
  '1': { status: 'PUBLISHED' },
  approve: { status: 'PUBLISHED' },
  '0': { status: 'PENDING' },
  hold: { status: 'PENDING' },
  spam: { status: 'REJECTED', reason: 'SPAM' },
  trash: { status: 'DELETED' },
  'post-trashed': { status: 'DELETED' },
};

interface Blog {
  /** Identifies the export's site in source keys. */
  site: string;
  /** WordPress login → display name and e-mail. */
  users: Map<string, { name: string; email?: string }>;
}

function describe(node: XmlNode, kind = childText(node, 'wp:post_type') || 'post'): string {
  const title = childText(node, 'title');
  return `${kind} ${childText(node, 'wp:post_id') || '?'}${title ? ` "${title.slice(0, 80)}"` : ''}`;
}

function commentAuthor(node: XmlNode): HistoryAuthor {
  const name = childText(node, 'wp:comment_author') || 'Anonymous';
  const email = childText(node, 'wp:comment_author_email').toLowerCase() || undefined;
  const userId = childText(node, 'wp:comment_user_id');
  const sourceId = userId && userId !== '0' ? userId : undefined;
  return {
    key: email ? `email:${email}` : sourceId ? `user:${sourceId}` : `name:${name.toLowerCase()}`,
    name: name.slice(0, 200),
    ...(email ? { email } : {}),
    ...(sourceId ? { sourceId } : {}),
  };
}

function readComments(item: XmlNode, post: string, fallbackDate: string, warnings: string[]): HistoryComment[] {
  const comments: HistoryComment[] = [];
  let previousDate = fallbackDate;
  for (const node of item.children) {
    if (node.name !== 'wp:comment') continue;
    const id = childText(node, 'wp:comment_id');
    const type = childText(node, 'wp:comment_type');
    if (!id) {
      warnings.push(`A comment on ${post} has no wp:comment_id; it was skipped.`);
      continue;
    }
    if (type === 'pingback' || type === 'trackback') {
      warnings.push(`Skipped ${type} ${id} on ${post}.`);
      continue;
    }
    const approved = childText(node, 'wp:comment_approved');
    let mapped = STATUS[approved];
    if (!mapped) {
      warnings.push(
        `Comment ${id} on ${post} has the unknown status "${approved.slice(0, 40)}"; it awaits moderation.`,
      );
      mapped = { status: 'PENDING' };
    }
    let postedAt =
      wordpressDate(childText(node, 'wp:comment_date_gmt')) ?? wordpressDate(childText(node, 'wp:comment_date'));
    if (!postedAt) {
      warnings.push(
        `Comment ${id} on ${post}: the date "${childText(node, 'wp:comment_date').slice(0, 40)}" does not parse; used the previous date.`,
      );
      postedAt = previousDate;
    }
    previousDate = postedAt;
    const parent = childText(node, 'wp:comment_parent');
    comments.push({
      sourceId: id,
      ...(parent && parent !== '0' ? { parentSourceId: parent } : {}),
      author: commentAuthor(node),
      postedAt,
      body: commentBodyFromHtml(child(node, 'wp:comment_content')?.text ?? ''),
      status: mapped.status,
      ...(mapped.reason ? { statusReason: mapped.reason } : {}),
    });
  }
  return comments;
}

function readPost(item: XmlNode, blog: Blog, warnings: string[]): WxrPost {
  const post = describe(item);
  const login = childText(item, 'dc:creator');
  const user = blog.users.get(login);
  const publishedAt =
    wordpressDate(childText(item, 'wp:post_date_gmt')) ??
    anyDate(childText(item, 'pubDate')) ??
    wordpressDate(childText(item, 'wp:post_date'));
  if (!publishedAt) warnings.push(`The publication date of ${post} does not parse; it was left empty.`);
  const link = childText(item, 'link');
  const slug = childText(item, 'wp:post_name');
  const author = user?.name ?? login;
  return {
    sourceId: childText(item, 'wp:post_id'),
    title: childText(item, 'title') || 'Untitled',
    ...(/^https?:\/\//i.test(link) ? { link } : {}),
    ...(slug ? { slug: decodeURIComponent(slug).slice(0, 120) } : {}),
    ...(author ? { author } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    html: child(item, 'content:encoded')?.text ?? '',
    comments: readComments(item, post, publishedAt ?? new Date(0).toISOString(), warnings),
  };
}

/**
 * Reads a WordPress WXR export (1.0–1.2) as a stream: one event per published post or
 * page (with its comments), and a warning for every item that is not one (drafts, private
 * posts, attachments, menu items).
 */
export async function* readWxr(source: AsyncIterable<string | Uint8Array>): AsyncGenerator<WxrEvent> {
  const blog: Blog = { site: '', users: new Map() };
  const select = (path: readonly string[], name: string): boolean =>
    path.length === 2 && path[0] === 'rss' && path[1] === 'channel' && CHANNEL_FIELDS.has(name);
  let announced = false;
  for await (const { node, bytesRead } of readXmlRecords(source, select)) {
    switch (node.name) {
      case 'wp:base_site_url':
      case 'wp:base_blog_url':
      case 'link':
        if (!blog.site && node.text.trim()) blog.site = node.text.trim().replace(/\/+$/, '');
        break;
      case 'wp:author': {
        const login = childText(node, 'wp:author_login');
        const name = childText(node, 'wp:author_display_name') || login;
        const email = childText(node, 'wp:author_email') || undefined;
        if (login) blog.users.set(login, { name, ...(email ? { email } : {}) });
        break;
      }
      case 'item': {
        if (!announced) {
          announced = true;
          yield { kind: 'site', baseUrl: blog.site };
        }
        const type = childText(node, 'wp:post_type') || 'post';
        const status = childText(node, 'wp:status');
        if (!ARTICLE_TYPES.has(type)) {
          yield {
            kind: 'skipped',
            warning: `Skipped ${describe(node, NOT_CONTENT[type] ?? `"${type}" item`)}.`,
            bytesRead,
          };
        } else if (status !== 'publish') {
          yield { kind: 'skipped', warning: `Skipped ${status || 'unpublished'} ${describe(node)}.`, bytesRead };
        } else if (!childText(node, 'wp:post_id')) {
          yield { kind: 'skipped', warning: `Skipped ${describe(node)}: it has no wp:post_id.`, bytesRead };
        } else {
          const warnings: string[] = [];
          const post = readPost(node, blog, warnings);
          yield { kind: 'post', post, warnings, bytesRead };
        }
        break;
      }
    }
  }
  if (!announced) yield { kind: 'site', baseUrl: blog.site };
}
