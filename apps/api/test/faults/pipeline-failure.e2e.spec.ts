import type { INestApplicationContext } from '@nestjs/common';
import type { Job } from 'bullmq';
import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { makeArticle } from '../support/factories.js';
import { startWorker } from '../support/worker.js';
import { ModerationSettingsService, SETTINGS_KEY } from '../../src/moderation/moderation-settings.service.js';
import { ModerationProcessor, PIPELINE_FAILED } from '../../src/moderation/moderation.processor.js';

/** A moderation job that keeps failing is retried, and on its last attempt holds the comment for a human. */
describe('fault: the pipeline fails for good', () => {
  let worker: INestApplicationContext;
  let prisma: PrismaService;

  beforeAll(async () => {
    worker = await startWorker();
    prisma = worker.get(PrismaService);
  });
  afterAll(() => worker.close());

  const attempt = (attemptsMade: number): Job => ({ attemptsMade, opts: { attempts: 8 } }) as Job;

  it('leaves the comment PENDING for a retry, then holds it in the Pending queue on the last attempt', async () => {
    const article = await makeArticle(prisma);
    const author = await prisma.user.create({
      data: {
        email: `fail-${Date.now()}@example.test`,
        handle: `fail_${Date.now()}`,
        displayName: 'F',
        passwordHash: 'x',
      },
    });
    const thread = await prisma.thread.create({ data: { articleId: article.id } });
    const comment = await prisma.comment.create({
      data: { threadId: thread.id, authorId: author.id, bodySource: 'Unlucky.', bodyHtml: '<p>Unlucky.</p>' },
    });
    // Stored settings this worker has not read yet (the same values: other files share the
    // database), so the job must read them, and that read is what fails.
    const stored = await prisma.setting.findUnique({ where: { key: SETTINGS_KEY } });
    await prisma.setting.upsert({
      where: { key: SETTINGS_KEY },
      create: { key: SETTINGS_KEY, value: {} },
      update: { value: stored?.value ?? {} },
    });
    const settings = worker.get(ModerationSettingsService);
    const get = settings.get.bind(settings);
    settings.get = () => Promise.reject(new Error('settings store unreachable'));
    const processor = worker.get(ModerationProcessor);
    try {
      await expect(processor.moderate({ commentId: comment.id }, attempt(0))).rejects.toThrow('unreachable');
      expect((await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } })).status).toBe('PENDING');

      await expect(processor.moderate({ commentId: comment.id }, attempt(7))).rejects.toThrow('unreachable');
    } finally {
      settings.get = get;
    }
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({
      status: 'HELD',
      statusReason: PIPELINE_FAILED,
    });
    const audit = await prisma.moderationAction.findMany({ where: { commentId: comment.id } });
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'PIPELINE',
        toStatus: 'HELD',
        reason: `${PIPELINE_FAILED}: settings store unreachable`,
      }),
    ]);
  });
});
