import { PrismaService } from '../infra/prisma/prisma.service.js';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { postComment, registerAs } from '../../test/support/moderation/e2e-helpers.js';

const HISTORY = `query($commentId: ID!) {
  commentHistory(commentId: $commentId) { commentId versions { bodySource bodyHtml writtenAt current } }
}`;

interface HistoryResult {
  commentHistory: {
    commentId: string;
    versions: Array<{ bodySource: string; bodyHtml: string; writtenAt: string; current: boolean }>;
  };
}

describe('a comment’s edit history', () => {
  let api: TestApi;
  let prisma: PrismaService;
  let author: Awaited<ReturnType<TestApi['register']>>;
  let commentId = '';
  const posted = new Date('2026-01-01T10:00:00Z');
  const firstEdit = new Date('2026-01-01T10:05:00Z');
  const secondEdit = new Date('2026-01-01T10:09:00Z');

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
    author = await api.register();
    const article = await makeArticle(prisma);
    commentId = await postComment(api, author.token, article.id, 'Third version, final.');
    // Two edits as the edit path stores them: each keeps the text it replaced, stamped when replaced.
    await prisma.comment.update({
      where: { id: commentId },
      data: {
        createdAt: posted,
        editedAt: secondEdit,
        revisions: {
          create: [
            { bodySource: 'First version.', bodyHtml: '<p>First version.</p>', createdAt: firstEdit },
            { bodySource: 'Second version.', bodyHtml: '<p>Second version.</p>', createdAt: secondEdit },
          ],
        },
      },
    });
  });
  afterAll(async () => {
    await api.close();
  });

  it('shows every version to a moderator, oldest first, with when each was written', async () => {
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    const res = await api.gql<HistoryResult>(HISTORY, { commentId }, moderator.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.commentHistory.versions.map((v) => [v.bodySource, v.writtenAt, v.current])).toEqual([
      ['First version.', posted.toISOString(), false],
      ['Second version.', firstEdit.toISOString(), false],
      ['Third version, final.', secondEdit.toISOString(), true],
    ]);
  });

  it('shows the author their own versions', async () => {
    const res = await api.gql<HistoryResult>(HISTORY, { commentId }, author.token);
    expect(res.data!.commentHistory.versions).toHaveLength(3);
  });

  it('refuses other readers and anonymous visitors, and says when the comment does not exist', async () => {
    const reader = await api.register();
    expect(errorCode(await api.gql(HISTORY, { commentId }, reader.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(HISTORY, { commentId }))).toBe('UNAUTHENTICATED');
    const missing = await api.gql(HISTORY, { commentId: '00000000-0000-4000-8000-000000000000' }, author.token);
    expect(errorCode(missing)).toBe('NOT_FOUND');
  });
});
