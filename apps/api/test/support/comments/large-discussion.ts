import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../../src/generated/prisma/client.js';
import { ReactionKind } from '../../../src/comments/models/discussion-enums.js';

/**
 * A big published discussion written with a handful of createMany statements: `threads`
 * page-level and anchored threads with `perThread` comments each (a root and replies),
 * spread over `authorIds`, and reactions on every seventh comment. Used by the
 * statement-count test and the read benchmark.
 */
export async function seedLargeDiscussion(
  prisma: PrismaClient,
  articleId: string,
  authorIds: string[],
  threads: number,
  perThread: number,
  revision?: { id: string; text: string },
): Promise<{ threads: number; comments: number; reactions: number }> {
  const start = Date.now() - threads * perThread * 1000;
  const threadRows = Array.from({ length: threads }, (_, i) => {
    const anchored = revision && i % 2 === 0 && revision.text.length > 40;
    const at = anchored ? (i * 37) % (revision.text.length - 20) : 0;
    const anchor = anchored
      ? {
          revisionId: revision.id,
          position: { start: at, end: at + 12 },
          quote: { exact: [...revision.text].slice(at, at + 12).join(''), prefix: '', suffix: '' },
        }
      : null;
    return {
      id: randomUUID(),
      articleId,
      commentCount: perThread,
      createdAt: new Date(start + i * perThread * 1000),
      ...(anchor
        ? {
            anchor,
            originalAnchor: anchor,
            anchorStatus: 'ANCHORED' as const,
            anchorScore: 1,
            anchorStart: at,
            revisionId: revision!.id,
          }
        : {}),
    };
  });
  await prisma.thread.createMany({ data: threadRows });
  const kinds = Object.values(ReactionKind);
  const comments: Array<{
    id: string;
    threadId: string;
    parentId: string | null;
    authorId: string;
    bodySource: string;
    bodyHtml: string;
    status: 'PUBLISHED';
    replyCount: number;
    reactionCount: number;
    createdAt: Date;
  }> = [];
  const reactions: Array<{ commentId: string; userId: string; kind: string }> = [];
  threadRows.forEach((thread, t) => {
    const rootId = randomUUID();
    for (let c = 0; c < perThread; c++) {
      const n = t * perThread + c;
      const id = c === 0 ? rootId : randomUUID();
      const reactors = n % 7 === 0 ? authorIds : [];
      for (const userId of reactors) reactions.push({ commentId: id, userId, kind: kinds[n % kinds.length]! });
      const body = `Comment ${n} on thread ${t}: a few words about the passage, with *some* emphasis.`;
      comments.push({
        id,
        threadId: thread.id,
        parentId: c === 0 ? null : rootId,
        authorId: authorIds[n % authorIds.length]!,
        bodySource: body,
        bodyHtml: `<p>Comment ${n} on thread ${t}: a few words about the passage, with <em>some</em> emphasis.</p>\n`,
        status: 'PUBLISHED',
        replyCount: c === 0 ? perThread - 1 : 0,
        reactionCount: reactors.length,
        createdAt: new Date(thread.createdAt.getTime() + c * 1000),
      });
    }
  });
  for (let i = 0; i < comments.length; i += 1000)
    await prisma.comment.createMany({ data: comments.slice(i, i + 1000) });
  for (let i = 0; i < reactions.length; i += 5000)
    await prisma.reaction.createMany({ data: reactions.slice(i, i + 5000) });
  return { threads: threadRows.length, comments: comments.length, reactions: reactions.length };
}
