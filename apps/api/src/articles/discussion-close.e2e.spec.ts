import type { INestApplicationContext } from '@nestjs/common';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { eventually } from '../../test/support/eventually.js';
import { makeArticle } from '../../test/support/factories.js';
import { startWorker } from '../../test/support/worker.js';

const SET_DISCUSSION = `mutation($input: SetArticleDiscussionInput!) {
  setArticleDiscussion(input: $input) { discussionStatus commentsClosesAt } }`;
const CREATE_THREAD = 'mutation($input: CreateThreadInput!) { createThread(input: $input) { id } }';

describe('a discussion closes at its closing time, with the worker running', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startWorker();
    prisma = api.app.get(PrismaService);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  const closedOnce = (articleId: string) =>
    eventually(
      async () => {
        const article = await prisma.article.findUniqueOrThrow({ where: { id: articleId } });
        if (article.commentsOpen !== false || article.commentsClosesAt !== null) return undefined;
        const rows = await prisma.moderationAction.findMany({ where: { articleId, action: 'DISCUSSION_CLOSED' } });
        return rows.length > 0 ? rows : undefined;
      },
      { timeoutMs: 15_000, what: 'the discussion to be closed' },
    );

  it('closes it on time through the delayed job, once, and refuses posts after', async () => {
    const admin = await api.register();
    await prisma.user.update({ where: { id: admin.userId }, data: { role: 'ADMIN' } });
    const reader = await api.register();
    const article = await makeArticle(prisma);
    const closesAt = new Date(Date.now() + 1500);
    const set = await api.gql(
      SET_DISCUSSION,
      { input: { articleId: article.id, closesAt: closesAt.toISOString() } },
      admin.token,
    );
    expect(set.data).toEqual({
      setArticleDiscussion: { discussionStatus: 'OPEN', commentsClosesAt: closesAt.toISOString() },
    });
    const before = await api.gql(
      CREATE_THREAD,
      { input: { articleId: article.id, body: 'Just in time' } },
      reader.token,
    );
    expect(before.errors).toBeUndefined();

    const rows = await closedOnce(article.id);
    expect(rows).toEqual([expect.objectContaining({ actorId: null })]);
    const after = await api.gql(CREATE_THREAD, { input: { articleId: article.id, body: 'Too late' } }, reader.token);
    expect(errorCode(after)).toBe('COMMENTS_CLOSED');
    // Nothing closes it a second time (the job compares the time it was queued for).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await prisma.moderationAction.count({ where: { articleId: article.id, action: 'DISCUSSION_CLOSED' } })).toBe(
      1,
    );
  });

  it('closes one whose job was never queued through the sweep', async () => {
    const article = await makeArticle(prisma);
    // As if Redis had been down when the time was set: the row says so, no job exists.
    await prisma.article.update({ where: { id: article.id }, data: { commentsClosesAt: new Date(Date.now() - 1000) } });
    const rows = await closedOnce(article.id);
    expect(rows).toEqual([expect.objectContaining({ actorId: null, reason: 'closed (its time came)' })]);
  });
});
