import { canonicalize, type Block } from '@marginalia/content';
import { createHash, randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../src/generated/prisma/client.js';

/**
 * The very large discussion of the large-read benchmark: an article of 200 paragraphs (about
 * 100,000 characters) with 10,000 threads and 50,000 comments. Nineteen threads in twenty sit
 * on passages (20–100 characters, forty-odd per paragraph, overlapping as busy passages do),
 * the rest are page-level; each thread has a root and four replies, and one comment in
 * fifty is held for moderation (others must not see or count it). Written with createMany
 * in batches of a thousand rows.
 */
export const LARGE_READ = { paragraphs: 200, threads: 10_000, perThread: 5, pageLevelEvery: 20, heldEvery: 50 };

const WORDS = (
  'margin reader passage argument evidence history treaty policy comment context question answer debate ' +
  'source claim quote reply moderator thread archive revision annotation dialogue nuance tension summary'
).split(' ');

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function largeArticleBlocks(): Block[] {
  const random = seeded(42);
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: 'A very long read' }];
  for (let p = 0; p < LARGE_READ.paragraphs; p++) {
    if (p % 20 === 0) blocks.push({ kind: 'heading', level: 2, text: `Part ${p / 20 + 1}` });
    const words = Array.from({ length: 70 }, () => WORDS[Math.floor(random() * WORDS.length)]!);
    blocks.push({ kind: 'paragraph', text: `${words.join(' ')}.` });
  }
  return blocks;
}

export async function seedLargeRead(
  prisma: PrismaClient,
  slug: string,
): Promise<{ articleId: string; threads: number; comments: number; held: number; textLength: number }> {
  const users = await Promise.all(
    ['ada', 'grace', 'alan', 'edsger', 'barbara'].map((handle) =>
      prisma.user.create({
        data: {
          email: `${handle}@bench.test`,
          handle,
          displayName: handle.toUpperCase(),
          passwordHash: 'x',
          emailVerifiedAt: new Date(),
        },
      }),
    ),
  );
  const source = largeArticleBlocks();
  const { text, blocks } = canonicalize(source);
  const article = await prisma.article.create({ data: { slug, title: 'A very long read' } });
  const revision = await prisma.articleRevision.create({
    data: {
      articleId: article.id,
      version: 1,
      blocks: source as never,
      canonicalText: text,
      contentHash: createHash('sha256').update(text).digest('hex'),
    },
  });
  await prisma.article.update({ where: { id: article.id }, data: { currentRevisionId: revision.id } });

  const chars = [...text];
  const paragraphs = blocks.filter((b) => b.kind === 'paragraph');
  const { threads, perThread, pageLevelEvery, heldEvery } = LARGE_READ;
  const start = Date.now() - threads * perThread * 1000;
  const threadRows = Array.from({ length: threads }, (_, i) => {
    const createdAt = new Date(start + i * perThread * 1000);
    if (i % pageLevelEvery === pageLevelEvery - 1) {
      return { id: randomUUID(), articleId: article.id, commentCount: perThread, createdAt };
    }
    const block = paragraphs[i % paragraphs.length]!;
    const slot = Math.floor(i / paragraphs.length);
    const length = 20 + ((slot * 17) % 80);
    const from = block.start + ((slot * 53) % Math.max(1, block.end - block.start - length));
    const to = Math.min(block.end, from + length);
    const anchor = {
      revisionId: revision.id,
      position: { start: from, end: to },
      quote: {
        exact: chars.slice(from, to).join(''),
        prefix: chars.slice(Math.max(0, from - 32), from).join(''),
        suffix: chars.slice(to, to + 32).join(''),
      },
    };
    return {
      id: randomUUID(),
      articleId: article.id,
      commentCount: perThread,
      createdAt,
      anchor,
      originalAnchor: anchor,
      anchorStatus: 'ANCHORED' as const,
      anchorScore: 1,
      anchorStart: from,
      revisionId: revision.id,
    };
  });
  for (let i = 0; i < threadRows.length; i += 1000)
    await prisma.thread.createMany({ data: threadRows.slice(i, i + 1000) });

  let held = 0;
  const comments = threadRows.flatMap((thread, t) => {
    const rootId = randomUUID();
    return Array.from({ length: perThread }, (_, c) => {
      const n = t * perThread + c;
      const status = c > 0 && n % heldEvery === heldEvery - 1 ? ('HELD' as const) : ('PUBLISHED' as const);
      if (status === 'HELD') held++;
      return {
        id: c === 0 ? rootId : randomUUID(),
        threadId: thread.id,
        parentId: c === 0 ? null : rootId,
        authorId: users[n % users.length]!.id,
        bodySource: `Comment ${n} on thread ${t}: a few words about the passage, with *some* emphasis.`,
        bodyHtml: `<p>Comment ${n} on thread ${t}: a few words about the passage, with <em>some</em> emphasis.</p>\n`,
        status,
        replyCount: c === 0 ? perThread - 1 : 0,
        createdAt: new Date(thread.createdAt.getTime() + c * 1000),
      };
    });
  });
  for (let i = 0; i < comments.length; i += 1000)
    await prisma.comment.createMany({ data: comments.slice(i, i + 1000) });
  // Thread.commentCount counts published comments, as the posting path keeps it.
  await prisma.$executeRaw`UPDATE "Thread" t SET "commentCount" =
    (SELECT count(*) FROM "Comment" c WHERE c."threadId" = t.id AND c.status = 'PUBLISHED')
    WHERE t."articleId" = ${article.id}::uuid`;
  // What autovacuum does some time after a bulk load: without statistics the planner takes the
  // fresh tables for empty and reads every comment once per thread.
  await prisma.$executeRawUnsafe('ANALYZE "User", "Article", "Thread", "Comment"');
  return {
    articleId: article.id,
    threads: threadRows.length,
    comments: comments.length,
    held,
    textLength: chars.length,
  };
}
