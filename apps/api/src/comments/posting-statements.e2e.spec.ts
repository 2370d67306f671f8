import { PrismaService } from '../infra/prisma/prisma.service.js';
import { TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { recordStatements } from '../../test/support/statements.js';

const CREATE = `mutation($input: CreateThreadInput!) { createThread(input: $input) { id comments { id status } } }`;
const REPLY = 'mutation($input: ReplyInput!) { reply(input: $input) { id status } }';

/**
 * Posting is the hot path of a busy discussion: its statements are counted (this process
 * runs no worker, so every statement is the request's). The writes are one atomic
 * statement; the outbox row's hand-over mark is the only other write.
 */
describe('posting costs a handful of statements', () => {
  let api: TestApi;
  let prisma: PrismaService;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
  });
  afterAll(async () => {
    await api.close();
  });

  const writes = (statements: string[]): string[] =>
    statements.filter((sql) => /^(WITH|INSERT|UPDATE|DELETE|BEGIN)/i.test(sql));

  it('writes a new thread, its comment and the outbox row in one statement', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    let threadId = '';
    const statements = await recordStatements(async () => {
      const res = await api.gql<{ createThread: { id: string; comments: Array<{ id: string; status: string }> } }>(
        CREATE,
        { input: { articleId: article.id, body: 'Counted.' } },
        author.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.createThread.comments[0]!.status).toBe('PENDING');
      threadId = res.data!.createThread.id;
    });
    // viewer, article with its current revision, the write, the thread and its comments read
    // back, the hand-over mark
    expect(statements.length).toBeLessThanOrEqual(6);
    expect(writes(statements)).toEqual([
      expect.stringMatching(/^WITH thread AS \( INSERT INTO "Thread"/),
      expect.stringMatching(/^UPDATE "Outbox" SET "dispatchedAt"/),
    ]);
    const thread = await prisma.thread.findUniqueOrThrow({ where: { id: threadId }, include: { comments: true } });
    expect(thread.comments).toHaveLength(1);
    const outbox = await prisma.outbox.findMany({
      where: { payload: { equals: { commentId: thread.comments[0]!.id } } },
    });
    expect(outbox).toEqual([expect.objectContaining({ jobName: 'moderate-comment', attempts: 0 })]);
    expect(outbox[0]!.dispatchedAt).not.toBeNull();
  });

  it('writes a reply, its parent’s reply count and the outbox row in one statement', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const thread = await prisma.thread.create({ data: { articleId: article.id } });
    const parent = await prisma.comment.create({
      data: { threadId: thread.id, bodySource: 'Parent', bodyHtml: '<p>Parent</p>', status: 'PUBLISHED' },
    });
    const statements = await recordStatements(async () => {
      const res = await api.gql<{ reply: { id: string; status: string } }>(
        REPLY,
        { input: { parentId: parent.id, body: 'Counted reply.' } },
        author.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.reply.status).toBe('PENDING');
    });
    expect(statements.length).toBeLessThanOrEqual(6);
    expect(writes(statements)).toEqual([
      expect.stringMatching(/^WITH comment AS \( INSERT INTO "Comment"/),
      expect.stringMatching(/^UPDATE "Outbox" SET "dispatchedAt"/),
    ]);
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: parent.id } })).replyCount).toBe(1);
  });
});
