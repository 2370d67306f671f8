import { canonicalize, type Block } from '@marginalia/content';
import { createHash, randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../src/generated/prisma/client.js';

const paragraphs: Block[] = [
  { kind: 'heading', level: 2, text: 'On margins' },
  { kind: 'paragraph', text: 'Readers write in the margins of books they love. The habit is older than print.' },
  { kind: 'paragraph', text: 'A margin note is a conversation with the author, and sometimes with other readers 😀.' },
];

/** An article with one revision, written straight to the database. */
export async function makeArticle(
  prisma: PrismaClient,
  overrides: Partial<{ title: string; slug: string; blocks: Block[]; premod: boolean }> = {},
): Promise<{ id: string; slug: string; revisionId: string; text: string }> {
  const blocks = overrides.blocks ?? paragraphs;
  const { text } = canonicalize(blocks);
  const slug = overrides.slug ?? `article-${randomUUID().slice(0, 8)}`;
  const article = await prisma.article.create({
    data: { slug, title: overrides.title ?? 'Writing in the margins', premod: overrides.premod ?? false },
  });
  const revision = await prisma.articleRevision.create({
    data: {
      articleId: article.id,
      version: 1,
      blocks: blocks as never,
      canonicalText: text,
      contentHash: createHash('sha256').update(text).digest('hex'),
    },
  });
  await prisma.article.update({ where: { id: article.id }, data: { currentRevisionId: revision.id } });
  return { id: article.id, slug, revisionId: revision.id, text };
}
