import type { ParsedComment } from '@marginalia/content';
import { randomUUID } from 'node:crypto';
import { renderMarkdown } from '../common/markdown.js';
import { anchoredThreadData } from '../comments/anchor-data.js';
import type { Prisma } from '../generated/prisma/client.js';

export interface LegacyCounts {
  commentsCreated: number;
  anchoredThreads: number;
  replies: number;
  pageThreads: number;
}

interface Placed {
  id: string;
  threadId: string;
}

/**
 * Writes an import's legacy comments that the article does not have yet (keyed by their
 * original number), inside the caller's transaction, in two INSERTs whatever their number:
 * ids, thread membership and counters are worked out in memory first. Replies join their
 * parent's thread; other comments open a thread, anchored when they quote the article.
 */
export async function writeLegacyComments(
  tx: Prisma.TransactionClient,
  articleId: string,
  revisionId: string,
  comments: readonly ParsedComment[],
  /** The article was created in this transaction: it has no comments to look up. */
  newArticle = false,
): Promise<LegacyCounts> {
  const counts: LegacyCounts = { commentsCreated: 0, anchoredThreads: 0, replies: 0, pageThreads: 0 };
  if (comments.length === 0) return counts;
  const existing = newArticle
    ? []
    : await tx.comment.findMany({
        where: { thread: { articleId }, legacyNumber: { not: null } },
        select: { id: true, legacyNumber: true, threadId: true },
      });
  const placed = new Map<number, Placed>(existing.map((c) => [c.legacyNumber as number, c]));
  const threads: Prisma.ThreadCreateManyInput[] = [];
  const rows: Prisma.CommentCreateManyInput[] = [];
  const threadCount = new Map<string, number>();
  const replyCount = new Map<string, number>();

  // In the given order: parsers and bundles put every parent before its replies (numbers need not).
  for (const comment of comments) {
    if (placed.has(comment.number)) continue;
    const parent = comment.parentNumber === undefined ? undefined : placed.get(comment.parentNumber);
    const postedAt = new Date(comment.postedAt);
    let threadId = parent?.threadId;
    if (threadId) counts.replies++;
    else {
      threadId = randomUUID();
      const anchor = comment.anchor;
      threads.push({
        id: threadId,
        articleId,
        createdAt: postedAt,
        ...(anchor
          ? anchoredThreadData({
              revisionId,
              position: { start: anchor.start, end: anchor.end },
              quote: { exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix },
            })
          : {}),
      });
      if (anchor) counts.anchoredThreads++;
      else counts.pageThreads++;
    }
    const id = randomUUID();
    rows.push({
      id,
      threadId,
      parentId: parent?.id ?? null,
      legacyAuthor: comment.authorName,
      legacyNumber: comment.number,
      legacyPostedAt: postedAt,
      createdAt: postedAt,
      bodySource: comment.bodyMarkdown,
      bodyHtml: renderMarkdown(comment.bodyMarkdown),
      status: 'PUBLISHED',
      statusReason: 'IMPORTED',
    });
    threadCount.set(threadId, (threadCount.get(threadId) ?? 0) + 1);
    if (parent) replyCount.set(parent.id, (replyCount.get(parent.id) ?? 0) + 1);
    placed.set(comment.number, { id, threadId });
    counts.commentsCreated++;
  }
  if (rows.length === 0) return counts;

  const fresh = new Set(threads.map((t) => t.id));
  const freshComments = new Set(rows.map((r) => r.id));
  for (const thread of threads) thread.commentCount = threadCount.get(thread.id as string) ?? 0;
  for (const row of rows) row.replyCount = replyCount.get(row.id as string) ?? 0;
  await tx.thread.createMany({ data: threads });
  await tx.comment.createMany({ data: rows });
  // New replies to comments an earlier import stored: bump the existing counters.
  for (const [threadId, n] of threadCount) {
    if (!fresh.has(threadId))
      await tx.thread.update({ where: { id: threadId }, data: { commentCount: { increment: n } } });
  }
  for (const [commentId, n] of replyCount) {
    if (!freshComments.has(commentId)) {
      await tx.comment.update({ where: { id: commentId }, data: { replyCount: { increment: n } } });
    }
  }
  return counts;
}
