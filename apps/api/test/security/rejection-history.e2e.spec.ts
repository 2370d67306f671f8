import type { INestApplicationContext } from '@nestjs/common';
import { seedThread } from '../support/comments/fixtures.js';
import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { TestApi } from '../support/api-client.js';
import { makeArticle } from '../support/factories.js';
import { startWorker } from '../support/worker.js';
import { eventually } from '../support/eventually.js';

const DELETE = `mutation($input: DeleteCommentInput!) { deleteComment(input: $input) { id } }`;
const POST = `mutation($input: CreateThreadInput!) { createThread(input: $input) { comments { id } } }`;

describe('a spammer cannot erase their record', () => {
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

  it('still counts rejected comments their author deleted in the history the pipeline reads', async () => {
    const article = await makeArticle(prisma);
    const spammer = await api.register();
    const rejected: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { commentId } = await seedThread(prisma, {
        articleId: article.id,
        authorId: spammer.userId,
        body: `Rejected spam number ${i}`,
        status: 'REJECTED',
      });
      rejected.push(commentId);
    }
    for (const commentId of rejected) {
      const deleted = await api.gql(DELETE, { input: { commentId } }, spammer.token);
      expect(deleted.errors).toBeUndefined();
    }

    const posted = await api.gql<{ createThread: { comments: Array<{ id: string }> } }>(
      POST,
      { input: { articleId: article.id, body: 'A perfectly innocent looking comment.' } },
      spammer.token,
    );
    const id = posted.data!.createThread.comments[0]!.id;
    const decided = await eventually(async () => {
      const row = await prisma.comment.findUniqueOrThrow({ where: { id } });
      return row.status === 'PENDING' ? undefined : row;
    });
    expect(decided).toMatchObject({ status: 'HELD', statusReason: 'AUTHOR_HISTORY' });
    // The deleted comments keep what they were before: moderators and the pipeline can tell.
    const rows = await prisma.comment.findMany({ where: { id: { in: rejected } } });
    expect(rows.map((r) => [r.status, r.statusBeforeDelete])).toEqual(Array(3).fill(['DELETED', 'REJECTED']));
  });
});
