import type { CommentStatus } from '../../../src/generated/prisma/enums.js';
import type { PrismaClient } from '../../../src/generated/prisma/client.js';

/** Two things readers talk about, a few readers each: enough for two themes. */
export const TWO_TOPICS: Array<[string, string]> = [
  ['ana', 'Tomato plants need full sun and deep watering. My tomato harvest doubled once the garden beds got compost.'],
  ['ben', 'Compost changed my garden too. The tomato plants grew taller than the fence this summer.'],
  ['cai', 'Is there a tomato variety that survives a cold garden in spring? Mine wilted after the frost.'],
  ['dee', 'Garden soil with compost holds water longer, and the tomato roots go deeper.'],
  ['eli', 'Cycling to work in winter is easier with studded tyres. The bicycle lane by the river is cleared first.'],
  ['fay', 'My bicycle commute takes twenty minutes, faster than the bus in winter traffic.'],
  ['gus', 'Studded tyres made my winter cycling safe. The river bicycle lane is my favourite route to work.'],
  ['hal', 'Why does the city not clear every bicycle lane in winter? Cycling would be safer for commuters.'],
];

/** A page-level thread with one comment written straight to the database (a legacy author). */
export async function writeComment(
  prisma: PrismaClient,
  articleId: string,
  author: string,
  body: string,
  status: CommentStatus = 'PUBLISHED',
): Promise<string> {
  const thread = await prisma.thread.create({ data: { articleId } });
  const comment = await prisma.comment.create({
    data: { threadId: thread.id, legacyAuthor: author, bodySource: body, bodyHtml: `<p>${body}</p>`, status },
  });
  return comment.id;
}
