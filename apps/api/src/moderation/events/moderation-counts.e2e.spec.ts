import type { CommentStatus } from '../../generated/prisma/enums.js';
import { loadConfig } from '../../infra/config/env.js';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { makeArticle } from '../../../test/support/factories.js';
import { FLAGGED, MODERATION_QUEUES, queueWhere, type ModerationQueue } from '../queues/queue-membership.js';
import { ModerationCounts, SITE_WIDE, type QueueCounts } from './moderation-counts.service.js';

/**
 * Queue counts are kept by a trigger on Comment (deltas) and a compaction (counts). They
 * must equal what counting the comments with the queue rules (queueWhere) gives, after
 * any mix of inserts, single and bulk updates and deletes, before and after compaction.
 */
describe('moderation queue counts kept in the database', () => {
  const config = loadConfig(process.env);
  let prisma: PrismaService;
  let counts: ModerationCounts;

  beforeAll(() => {
    prisma = new PrismaService(config);
    counts = new ModerationCounts(prisma);
  });
  afterAll(async () => {
    await prisma.$disconnect();
  });

  /** The oracle: count the comments themselves with the queue rules. */
  async function scanned(articleId: string): Promise<QueueCounts> {
    const entries = await Promise.all(
      MODERATION_QUEUES.map(
        async (queue) =>
          [queue, await prisma.comment.count({ where: { ...queueWhere(queue), thread: { articleId } } })] as const,
      ),
    );
    return Object.fromEntries(entries) as Record<ModerationQueue, number>;
  }

  async function expectInStep(articleIds: string[]): Promise<void> {
    for (const id of articleIds) expect(await counts.get(id)).toEqual(await scanned(id));
  }

  /**
   * The site-wide rows equal the sum of the articles' rows. Read in one statement: other
   * spec files change comments meanwhile, but every compaction is one statement too.
   */
  async function expectSiteWideInStep(): Promise<void> {
    const rows = await prisma.$queryRaw<Array<{ queue: string; site: number; articles: number }>>`
      SELECT queue,
             coalesce(sum(count) FILTER (WHERE "articleId" = ${SITE_WIDE}::uuid), 0)::int AS site,
             coalesce(sum(count) FILTER (WHERE "articleId" <> ${SITE_WIDE}::uuid), 0)::int AS articles
      FROM "ModerationQueueCount" GROUP BY queue`;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.site).toBe(row.articles);
  }

  it('follows inserts, updates and deletes of comments, before and after compaction', async () => {
    const [a, b] = [await makeArticle(prisma), await makeArticle(prisma)];
    const author = await prisma.user.create({
      data: {
        email: `counts-${Date.now()}@example.test`,
        handle: `counts_${Date.now()}`,
        displayName: 'Counts',
        passwordHash: 'x',
      },
    });
    const [ta, tb] = await Promise.all(
      [a, b].map((article) => prisma.thread.create({ data: { articleId: article.id } })),
    );
    const statuses: CommentStatus[] = ['PENDING', 'PUBLISHED', 'HELD', 'REJECTED', 'PUBLISHED', 'DELETED'];
    // Many rows in one statement, then one at a time.
    await prisma.comment.createMany({
      data: statuses.flatMap((status, i) =>
        [ta!, tb!].map((thread) => ({
          threadId: thread.id,
          authorId: author.id,
          bodySource: `c${i}`,
          bodyHtml: `<p>c${i}</p>`,
          status,
          statusReason: status === 'HELD' && i % 2 === 0 ? FLAGGED : null,
        })),
      ),
    });
    const single = await prisma.comment.create({
      data: { threadId: ta!.id, authorId: author.id, bodySource: 'one', bodyHtml: '<p>one</p>', status: 'PUBLISHED' },
    });
    await expectInStep([a.id, b.id]);
    expect((await counts.get(a.id)).UNMODERATED).toBe(3);

    // A flag, a review, a flag auto-hide, a rejection; a bulk change; an update that changes no queue.
    await prisma.comment.update({ where: { id: single.id }, data: { openFlagCount: 2 } });
    await prisma.comment.update({ where: { id: single.id }, data: { reviewedAt: new Date() } });
    await expectInStep([a.id, b.id]);
    await prisma.comment.update({ where: { id: single.id }, data: { status: 'HELD', statusReason: FLAGGED } });
    await prisma.comment.updateMany({
      where: { threadId: tb!.id, status: 'PUBLISHED' },
      data: { status: 'REJECTED', reviewedAt: new Date() },
    });
    await prisma.comment.updateMany({ where: { threadId: ta!.id }, data: { reactionCount: { increment: 1 } } });
    await expectInStep([a.id, b.id]);

    await counts.compact();
    await expectInStep([a.id, b.id]);
    const left = await prisma.moderationQueueDelta.count({ where: { articleId: { in: [a.id, b.id] } } });
    expect(left).toBe(0);
    await expectSiteWideInStep();

    // Deletes after compaction: counts and deltas together.
    await prisma.comment.deleteMany({ where: { threadId: tb!.id, status: 'REJECTED' } });
    await prisma.comment.delete({ where: { id: single.id } });
    await expectInStep([a.id, b.id]);
    await counts.compact();
    await expectInStep([a.id, b.id]);
    expect(await counts.get(b.id)).toEqual({ PENDING: 0, REPORTED: 1, UNMODERATED: 0, APPROVED: 0, REJECTED: 0 });
  });

  it('keeps concurrent changes and compactions consistent', async () => {
    const article = await makeArticle(prisma);
    const thread = await prisma.thread.create({ data: { articleId: article.id } });
    const ids = (
      await prisma.comment.createManyAndReturn({
        data: Array.from({ length: 40 }, (_, i) => ({
          threadId: thread.id,
          bodySource: `x${i}`,
          bodyHtml: `<p>x${i}</p>`,
          status: 'PUBLISHED' as const,
        })),
        select: { id: true },
      })
    ).map((c) => c.id);
    await Promise.all([
      ...ids.map((id, i) =>
        prisma.comment.update({
          where: { id },
          data: i % 3 === 0 ? { status: 'REJECTED' } : i % 3 === 1 ? { reviewedAt: new Date() } : { openFlagCount: 1 },
        }),
      ),
      counts.compact(5),
      counts.compact(5),
      counts.compact(),
    ]);
    await expectInStep([article.id]);
    await counts.compact();
    await expectInStep([article.id]);
    await expectSiteWideInStep();
  });
});
