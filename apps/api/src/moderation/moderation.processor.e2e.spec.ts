import type { INestApplicationContext } from '@nestjs/common';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { makeArticle } from '../../test/support/factories.js';
import { recordStatements } from '../../test/support/statements.js';
import { startWorker } from '../../test/support/worker.js';
import { ModerationSettingsService } from './moderation-settings.service.js';
import { ModerationProcessor } from './moderation.processor.js';

/** The moderation job is the hot path of every comment: its statements are counted. */
describe('moderate-comment job', () => {
  let worker: INestApplicationContext;
  let prisma: PrismaService;

  beforeAll(async () => {
    worker = await startWorker();
    prisma = worker.get(PrismaService);
  });
  afterAll(() => worker.close());

  it('decides a comment in two statements, and skips a duplicate delivery after one', async () => {
    const article = await makeArticle(prisma);
    const [author, replier] = await Promise.all(
      ['a', 'b'].map((k) =>
        prisma.user.create({
          data: {
            email: `job-${k}-${Date.now()}@x.test`,
            handle: `job_${k}_${Date.now()}`,
            displayName: k,
            passwordHash: 'x',
          },
        }),
      ),
    );
    const thread = await prisma.thread.create({ data: { articleId: article.id } });
    const parent = await prisma.comment.create({
      data: {
        threadId: thread.id,
        authorId: author!.id,
        bodySource: 'Root',
        bodyHtml: '<p>Root</p>',
        status: 'PUBLISHED',
      },
    });
    const reply = await prisma.comment.create({
      data: {
        threadId: thread.id,
        parentId: parent.id,
        authorId: replier!.id,
        bodySource: 'A fair reply.',
        bodyHtml: 'x',
      },
    });
    // Told in-app only: with mail, handing over the mail job's outbox row adds its mark (as a post's does).
    await prisma.notificationPreference.create({
      data: { userId: author!.id, kind: 'REPLY', inApp: true, email: 'OFF' },
    });
    await worker.get(ModerationSettingsService).get(); // settings are cached after the first read

    const processor = worker.get(ModerationProcessor);
    // The worker's own loops (outbox relay, compaction, sweeps) are left out by recordStatements.
    const before = new Date();
    const decision = await recordStatements(() => processor.moderate({ commentId: reply.id }));
    const duplicate = await recordStatements(() => processor.moderate({ commentId: reply.id }));
    // pipeline input (with the settings' version), the decision (which also reads the queue
    // counts for the event)
    expect(decision.map(kind)).toEqual(['input', 'decision']);
    expect(duplicate.map(kind)).toEqual(['input']);

    const decided = await prisma.comment.findUniqueOrThrow({ where: { id: reply.id } });
    expect(decided).toMatchObject({ status: 'PUBLISHED', statusReason: 'APPROVED_BY_PIPELINE', reviewedAt: null });
    expect((await prisma.thread.findUniqueOrThrow({ where: { id: thread.id } })).commentCount).toBe(1);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: replier!.id } })).commentCount).toBe(1);
    expect(await prisma.moderationAction.count({ where: { commentId: reply.id } })).toBe(1);
    expect(await prisma.notification.findMany({ where: { userId: author!.id } })).toEqual([
      expect.objectContaining({ kind: 'REPLY', commentId: reply.id, message: 'b replied to your comment' }),
    ]);
    // Told in-app only: no mail job was queued for the notification.
    expect(await prisma.outbox.findMany({ where: { createdAt: { gte: before } } })).toEqual([]);
  });
});

function kind(sql: string): string {
  if (sql.includes('decided AS')) return 'decision';
  if (sql.includes('CROSS JOIN LATERAL')) return 'input';
  if (sql.includes('"Setting"')) return 'settings';
  if (sql.includes('"ModerationQueueCount"')) return 'counts';
  return sql.replace(/\s+/g, ' ').slice(0, 80);
}
