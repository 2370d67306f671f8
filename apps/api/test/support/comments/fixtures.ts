import { renderMarkdown } from '../../../src/common/markdown.js';
import type { PrismaClient } from '../../../src/generated/prisma/client.js';
import type { CommentStatus } from '../../../src/generated/prisma/enums.js';
import { anchoredThreadData, type StoredAnchorJson } from '../../../src/comments/anchor-data.js';

/** A thread with one root comment, written straight to the database (no moderation wait). */
export async function seedThread(
  prisma: PrismaClient,
  options: {
    articleId: string;
    authorId: string;
    body?: string;
    status?: CommentStatus;
    anchor?: StoredAnchorJson;
    createdAt?: Date;
  },
): Promise<{ threadId: string; commentId: string }> {
  const status = options.status ?? 'PUBLISHED';
  const body = options.body ?? 'A thought in the margin';
  const thread = await prisma.thread.create({
    data: {
      articleId: options.articleId,
      commentCount: status === 'PUBLISHED' ? 1 : 0,
      ...(options.anchor ? anchoredThreadData(options.anchor) : {}),
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    },
  });
  const comment = await prisma.comment.create({
    data: {
      threadId: thread.id,
      authorId: options.authorId,
      bodySource: body,
      bodyHtml: renderMarkdown(body),
      status,
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    },
  });
  if (status === 'PUBLISHED') {
    await prisma.user.update({ where: { id: options.authorId }, data: { commentCount: { increment: 1 } } });
  }
  return { threadId: thread.id, commentId: comment.id };
}

/** A reply to `parentId`, with the counters the posting path keeps. */
export async function seedReply(
  prisma: PrismaClient,
  options: { parentId: string; authorId: string; body?: string; status?: CommentStatus; createdAt?: Date },
): Promise<string> {
  const status = options.status ?? 'PUBLISHED';
  const parent = await prisma.comment.update({
    where: { id: options.parentId },
    data: { replyCount: { increment: 1 } },
    select: { threadId: true },
  });
  const body = options.body ?? 'A reply';
  const reply = await prisma.comment.create({
    data: {
      threadId: parent.threadId,
      parentId: options.parentId,
      authorId: options.authorId,
      bodySource: body,
      bodyHtml: renderMarkdown(body),
      status,
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    },
  });
  if (status === 'PUBLISHED') {
    await prisma.thread.update({ where: { id: parent.threadId }, data: { commentCount: { increment: 1 } } });
  }
  return reply.id;
}

/** Code-point selector of the first occurrence of `passage` in `text`. */
export function selectorOf(text: string, passage: string): { start: number; end: number; exact: string } {
  const utf16 = text.indexOf(passage);
  if (utf16 < 0) throw new Error(`"${passage}" is not in the text`);
  const start = [...text.slice(0, utf16)].length;
  return { start, end: start + [...passage].length, exact: passage };
}
