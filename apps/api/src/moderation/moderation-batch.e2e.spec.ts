import type { INestApplicationContext } from '@nestjs/common';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { makeArticle } from '../../test/support/factories.js';
import { recordStatements } from '../../test/support/statements.js';
import { startWorker } from '../../test/support/worker.js';
import { ModerationSettingsService } from './moderation-settings.service.js';
import { ModerationProcessor } from './moderation.processor.js';

/** Moderation jobs running at once read their inputs together and write their decisions together. */
describe('moderate-comment jobs running at once', () => {
  let worker: INestApplicationContext;
  let prisma: PrismaService;

  beforeAll(async () => {
    worker = await startWorker();
    prisma = worker.get(PrismaService);
  });
  afterAll(() => worker.close());

  const makeUser = (key: string) =>
    prisma.user.create({
      data: {
        email: `batch-${key}-${Date.now()}@x.test`,
        handle: `batch_${key}_${Date.now()}`,
        displayName: key,
        passwordHash: 'x',
      },
    });

  it('reads the inputs of several comments in one statement and writes their decisions in one more, each with its counters, audit row and notifications', async () => {
    const article = await makeArticle(prisma);
    const [parentAuthor, writer, mentioned] = await Promise.all(['p', 'w', 'm'].map(makeUser));
    await prisma.notificationPreference.createMany({
      data: [parentAuthor!, mentioned!].flatMap((u) =>
        (['REPLY', 'MENTION'] as const).map((kind) => ({ userId: u.id, kind, inApp: true, email: 'OFF' as const })),
      ),
    });
    const thread = await prisma.thread.create({ data: { articleId: article.id } });
    const parent = await prisma.comment.create({
      data: { threadId: thread.id, authorId: parentAuthor!.id, bodySource: 'Root', bodyHtml: 'x', status: 'PUBLISHED' },
    });
    const bodies = ['A fair reply.', `Agreed, @${mentioned!.handle}.`, 'Another thought on the passage.'];
    const comments = await Promise.all(
      bodies.map((bodySource) =>
        prisma.comment.create({
          data: { threadId: thread.id, parentId: parent.id, authorId: writer!.id, bodySource, bodyHtml: 'x' },
        }),
      ),
    );
    await worker.get(ModerationSettingsService).get();
    const processor = worker.get(ModerationProcessor);

    const statements = await recordStatements(async () => {
      await Promise.all(comments.map((c) => processor.moderate({ commentId: c.id })));
    });
    expect(statements.filter((sql) => sql.includes('CROSS JOIN LATERAL') && !sql.includes('decided AS'))).toHaveLength(
      1,
    );
    expect(statements.filter((sql) => sql.includes('decided AS'))).toHaveLength(1);

    const decided = await prisma.comment.findMany({ where: { id: { in: comments.map((c) => c.id) } } });
    expect(decided.map((c) => c.status)).toEqual(['PUBLISHED', 'PUBLISHED', 'PUBLISHED']);
    expect((await prisma.thread.findUniqueOrThrow({ where: { id: thread.id } })).commentCount).toBe(3);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: writer!.id } })).commentCount).toBe(3);
    expect(await prisma.moderationAction.count({ where: { commentId: { in: comments.map((c) => c.id) } } })).toBe(3);
    const replies = await prisma.notification.findMany({ where: { userId: parentAuthor!.id } });
    expect(replies.map((n) => n.commentId).sort()).toEqual(comments.map((c) => c.id).sort());
    expect(await prisma.notification.findMany({ where: { userId: mentioned!.id } })).toEqual([
      expect.objectContaining({ kind: 'MENTION', commentId: comments[1]!.id }),
    ]);

    // Delivered again, together: nothing more is written.
    await Promise.all(comments.map((c) => processor.moderate({ commentId: c.id })));
    expect(await prisma.moderationAction.count({ where: { commentId: { in: comments.map((c) => c.id) } } })).toBe(3);
    expect((await prisma.thread.findUniqueOrThrow({ where: { id: thread.id } })).commentCount).toBe(3);
  });

  it('sums the counters of a batch with different outcomes, by thread and by author', async () => {
    const settings = worker.get(ModerationSettingsService);
    await settings.update({ bannedWords: ['zorblax'] });
    await settings.get();
    try {
      const article = await makeArticle(prisma);
      const author = await makeUser('mixed');
      const [one, two] = await Promise.all([1, 2].map(() => prisma.thread.create({ data: { articleId: article.id } })));
      const write = (threadId: string, bodySource: string) =>
        prisma.comment.create({ data: { threadId, authorId: author.id, bodySource, bodyHtml: 'x' } });
      const comments = await Promise.all([
        write(one!.id, 'A careful reading of the first passage.'),
        write(one!.id, 'What a zorblax of an argument.'),
        write(two!.id, 'The second passage says otherwise.'),
      ]);
      const processor = worker.get(ModerationProcessor);
      const statements = await recordStatements(async () => {
        await Promise.all(comments.map((c) => processor.moderate({ commentId: c.id })));
      });
      expect(statements.filter((sql) => sql.includes('decided AS'))).toHaveLength(1);

      const byId = new Map(
        (await prisma.comment.findMany({ where: { id: { in: comments.map((c) => c.id) } } })).map((c) => [c.id, c]),
      );
      expect(comments.map((c) => byId.get(c.id)!.status)).toEqual(['PUBLISHED', 'REJECTED', 'PUBLISHED']);
      expect(byId.get(comments[1]!.id)!.statusReason).toBe('BANNED_WORD');
      // Each comment keeps its own scores, stored as an object.
      expect(byId.get(comments[1]!.id)!.moderationScores).toEqual(
        expect.objectContaining({ bannedWords: ['zorblax'] }),
      );
      expect(byId.get(comments[0]!.id)!.moderationScores).not.toHaveProperty('bannedWords');
      const threads = await prisma.thread.findMany({ where: { id: { in: [one!.id, two!.id] } } });
      expect(new Map(threads.map((t) => [t.id, t.commentCount]))).toEqual(
        new Map([
          [one!.id, 1],
          [two!.id, 1],
        ]),
      );
      const counted = await prisma.user.findUniqueOrThrow({ where: { id: author.id } });
      expect([counted.commentCount, counted.rejectedCount]).toEqual([2, 1]);
      const audit = await prisma.moderationAction.findMany({ where: { commentId: { in: comments.map((c) => c.id) } } });
      expect(audit.map((a) => a.toStatus).sort()).toEqual(['PUBLISHED', 'PUBLISHED', 'REJECTED']);
    } finally {
      await settings.update({ bannedWords: [] });
    }
  });

  it('decides a comment delivered twice in the same batch once', async () => {
    const article = await makeArticle(prisma);
    const author = await makeUser('twice');
    const thread = await prisma.thread.create({ data: { articleId: article.id } });
    const comment = await prisma.comment.create({
      data: { threadId: thread.id, authorId: author.id, bodySource: 'Said twice.', bodyHtml: 'x' },
    });
    const processor = worker.get(ModerationProcessor);
    await Promise.all([processor.moderate({ commentId: comment.id }), processor.moderate({ commentId: comment.id })]);
    expect(await prisma.moderationAction.count({ where: { commentId: comment.id } })).toBe(1);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: author.id } })).commentCount).toBe(1);
  });

  it('decides the other comments of a batch when one job cannot be read', async () => {
    const article = await makeArticle(prisma);
    const author = await makeUser('bad');
    const thread = await prisma.thread.create({ data: { articleId: article.id } });
    const comment = await prisma.comment.create({
      data: { threadId: thread.id, authorId: author.id, bodySource: 'A good one.', bodyHtml: 'x' },
    });
    const processor = worker.get(ModerationProcessor);
    const settled = await Promise.allSettled([
      processor.moderate({ commentId: 'not-a-comment-id' }),
      processor.moderate({ commentId: comment.id }),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'fulfilled']);
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } })).status).toBe('PUBLISHED');
  });
});
