import { commentBodyFromHtml } from './comment-body.js';
import { anyDate } from './dates.js';
import type { DisqusPost, DisqusThread, HistoryAuthor } from './history-types.js';
import { child, childText, readXmlRecords, type XmlNode } from './xml-records.js';

export type DisqusEvent =
  | { kind: 'thread'; thread: DisqusThread; bytesRead: number }
  | { kind: 'post'; post: DisqusPost; bytesRead: number }
  | { kind: 'skipped'; warning: string; bytesRead: number };

const RECORDS = new Set(['thread', 'post', 'category']);

function dsqId(node: XmlNode | undefined): string {
  return node?.attrs['dsq:id']?.trim() ?? '';
}

function yes(value: string): boolean {
  return value.trim().toLowerCase() === 'true';
}

function postAuthor(node: XmlNode | undefined): HistoryAuthor {
  if (!node) return { key: 'name:anonymous', name: 'Anonymous' };
  const name = childText(node, 'name') || childText(node, 'username') || 'Anonymous';
  const email = childText(node, 'email').toLowerCase() || undefined;
  const username = childText(node, 'username') || undefined;
  return {
    key: email ? `email:${email}` : username ? `user:${username}` : `name:${name.toLowerCase()}`,
    name: name.slice(0, 200),
    ...(email ? { email } : {}),
    ...(username ? { sourceId: username } : {}),
  };
}

/**
 * Reads a Disqus export as a stream: its threads (pages, by URL) and then its posts, each
 * with its thread, parent, author and spam/deleted flags. A post whose date does not parse
 * takes the previous post's date (warned); one without an id or thread is skipped (warned).
 */
export async function* readDisqus(source: AsyncIterable<string | Uint8Array>): AsyncGenerator<DisqusEvent> {
  const select = (path: readonly string[], name: string): boolean =>
    path.length === 1 && path[0] === 'disqus' && RECORDS.has(name);
  let previousDate = new Date(0).toISOString();
  for await (const { node, bytesRead } of readXmlRecords(source, select)) {
    const id = dsqId(node);
    if (node.name === 'thread') {
      const link = childText(node, 'link');
      if (!id || !/^https?:\/\//i.test(link)) {
        yield { kind: 'skipped', warning: `Skipped thread ${id || '(no id)'}: it has no http(s) link.`, bytesRead };
        continue;
      }
      const createdAt = anyDate(childText(node, 'createdAt'));
      yield {
        kind: 'thread',
        thread: { sourceId: id, link, title: childText(node, 'title') || link, ...(createdAt ? { createdAt } : {}) },
        bytesRead,
      };
    } else if (node.name === 'post') {
      const threadId = dsqId(child(node, 'thread'));
      if (!id || !threadId) {
        yield { kind: 'skipped', warning: `Skipped post ${id || '(no id)'}: it names no thread.`, bytesRead };
        continue;
      }
      let postedAt = anyDate(childText(node, 'createdAt'));
      const warnings: string[] = [];
      if (!postedAt) {
        warnings.push(
          `Post ${id}: the date "${childText(node, 'createdAt').slice(0, 40)}" does not parse; used the previous post's date.`,
        );
        postedAt = previousDate;
      }
      previousDate = postedAt;
      const spam = yes(childText(node, 'isSpam'));
      const deleted = yes(childText(node, 'isDeleted'));
      const parent = dsqId(child(node, 'parent'));
      for (const warning of warnings) yield { kind: 'skipped', warning, bytesRead };
      yield {
        kind: 'post',
        post: {
          sourceId: id,
          threadSourceId: threadId,
          ...(parent ? { parentSourceId: parent } : {}),
          author: postAuthor(child(node, 'author')),
          postedAt,
          body: commentBodyFromHtml(child(node, 'message')?.text ?? ''),
          status: deleted ? 'DELETED' : spam ? 'REJECTED' : 'PUBLISHED',
          ...(spam ? { statusReason: 'SPAM' } : {}),
        },
        bytesRead,
      };
    }
  }
}
