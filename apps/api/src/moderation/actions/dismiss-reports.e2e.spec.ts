import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { errorCode, TestApi } from '../../../test/support/api-client.js';
import { makeArticle } from '../../../test/support/factories.js';
import { postComment, registerAs } from '../../../test/support/moderation/e2e-helpers.js';

const FLAG = 'mutation($input: FlagCommentInput!) { flagComment(input: $input) { id } }';
const DISMISS = `mutation($commentId: ID!, $reason: String) {
  resolveFlags(commentId: $commentId, reason: $reason) { id queues comment { status openFlagCount } flags { id } }
}`;

describe('dismissing reports', () => {
  let api: TestApi;
  let prisma: PrismaService;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
  });
  afterAll(async () => {
    await api.close();
  });

  async function reported(): Promise<{ commentId: string; reader: { token: string } }> {
    const author = await api.register();
    const article = await makeArticle(prisma);
    const commentId = await postComment(api, author.token, article.id, 'A sharp but fair reading of the passage.');
    await prisma.comment.update({ where: { id: commentId }, data: { status: 'PUBLISHED' } });
    const reader = await api.register();
    const flag = await api.gql(FLAG, { input: { commentId, reason: 'OFFENSIVE' } }, reader.token);
    expect(flag.errors).toBeUndefined();
    return { commentId, reader };
  }

  it('closes the reports and keeps the comment published, with the reason in the audit trail', async () => {
    const { commentId } = await reported();
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    const res = await api.gql<{
      resolveFlags: { queues: string[]; comment: { status: string; openFlagCount: number }; flags: unknown[] };
    }>(DISMISS, { commentId, reason: '  Sharp, not abusive  ' }, moderator.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.resolveFlags.comment).toEqual({ status: 'PUBLISHED', openFlagCount: 0 });
    expect(res.data!.resolveFlags.flags).toEqual([]);
    expect(res.data!.resolveFlags.queues).not.toContain('REPORTED');
    expect(await prisma.flag.count({ where: { commentId, resolved: false } })).toBe(0);
    const audit = await prisma.moderationAction.findMany({ where: { commentId, action: 'FLAGS_RESOLVED' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: moderator.userId, reason: 'APPROVED_BY_MODERATOR: Sharp, not abusive' });
  });

  it('refuses a comment without open reports, and a reason over 500 characters', async () => {
    const { commentId } = await reported();
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    const long = await api.gql(DISMISS, { commentId, reason: 'x'.repeat(501) }, moderator.token);
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await api.gql(DISMISS, { commentId }, moderator.token)).errors).toBeUndefined();
    const again = await api.gql(DISMISS, { commentId }, moderator.token);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'commentId' });
  });

  it('refuses readers and anonymous visitors, and leaves the reports open', async () => {
    const { commentId, reader } = await reported();
    expect(errorCode(await api.gql(DISMISS, { commentId }, reader.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(DISMISS, { commentId }))).toBe('UNAUTHENTICATED');
    expect(await prisma.flag.count({ where: { commentId, resolved: false } })).toBe(1);
  });
});
