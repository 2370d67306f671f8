import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { TestApi, type GqlResult } from '../support/api-client.js';
import { makeArticle } from '../support/factories.js';

type Result = GqlResult<Record<string, unknown>>;

const firstError = (result: Result): { code: unknown; message: string | undefined } => ({
  code: result.errors?.[0]?.extensions?.['code'],
  message: result.errors?.[0]?.message,
});

/** Sends `count` requests one after another and returns the codes of their first errors. */
async function codesOf(count: number, send: () => Promise<Result>): Promise<unknown[]> {
  const codes: unknown[] = [];
  for (let i = 0; i < count; i++) codes.push(firstError(await send()).code);
  return codes;
}

describe('abuse limits', () => {
  let api: TestApi;
  let prisma: PrismaService;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
  });
  afterAll(async () => {
    await api.close();
  });

  it('limits sign-in attempts per address and email, even with the right password', async () => {
    const user = await api.register();
    const login = (password: string): Promise<Result> =>
      api.gql('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', {
        input: { email: user.email, password },
      });
    const limit = Number(process.env['LOGIN_RATE_LIMIT']);
    expect(new Set(await codesOf(limit, () => login('wrong password!')))).toEqual(new Set(['UNAUTHENTICATED']));
    const blocked = firstError(await login(user.password));
    expect(blocked.code).toBe('RATE_LIMITED');
    expect(blocked.message).toMatch(/too many sign-in attempts/i);
    // Another account from the same address is not locked out by it.
    const other = await api.register();
    const ok = await api.gql<{ login: { accessToken: string } }>(
      'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
      { input: { email: other.email, password: other.password } },
    );
    expect(ok.data?.login.accessToken).toEqual(expect.any(String));
  });

  it('limits comments to 10 a minute per user, with a clear error, and stores none past the limit', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const post = (i: number): Promise<Result> =>
      api.gql(
        'mutation($input: CreateThreadInput!) { createThread(input: $input) { id } }',
        { input: { articleId: article.id, body: `Flood ${i}` } },
        author.token,
      );
    const accepted: unknown[] = [];
    for (let i = 0; i < 10; i++) accepted.push(firstError(await post(i)).code);
    expect(accepted).toEqual(Array(10).fill(undefined));
    const blocked = firstError(await post(10));
    expect(blocked.code).toBe('RATE_LIMITED');
    expect(blocked.message).toMatch(/commenting too fast/i);
    // Replies share the budget.
    const reply = await api.gql(
      'mutation($input: ReplyInput!) { reply(input: $input) { id } }',
      { input: { parentId: '00000000-0000-4000-8000-000000000000', body: 'one more' } },
      author.token,
    );
    expect(firstError(reply).code).toBe('RATE_LIMITED');
    expect(await prisma.comment.count({ where: { authorId: author.userId } })).toBe(10);
    // Other users are unaffected.
    const other = await api.register();
    const fine = await api.gql(
      'mutation($input: CreateThreadInput!) { createThread(input: $input) { id } }',
      { input: { articleId: article.id, body: 'Not me' } },
      other.token,
    );
    expect(fine.errors).toBeUndefined();
  });

  it('limits flags per reader with a clear error', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const flagger = await api.register();
    const posted = await api.gql<{ createThread: { comments: Array<{ id: string }> } }>(
      'mutation($input: CreateThreadInput!) { createThread(input: $input) { comments { id } } }',
      { input: { articleId: article.id, body: 'Flag me' } },
      author.token,
    );
    const commentId = posted.data!.createThread.comments[0]!.id;
    await prisma.comment.update({ where: { id: commentId }, data: { status: 'PUBLISHED' } });
    const flag = (): Promise<Result> =>
      api.gql(
        'mutation($input: FlagCommentInput!) { flagComment(input: $input) { __typename } }',
        { input: { commentId, reason: 'SPAM' } },
        flagger.token,
      );
    // Repeated flags of one comment count against the budget too: the limit guards the endpoint.
    const codes = await codesOf(20, flag);
    expect(codes).not.toContain('RATE_LIMITED');
    const blocked = firstError(await flag());
    expect(blocked.code).toBe('RATE_LIMITED');
    expect(blocked.message).toMatch(/flagging too many comments/i);
  });
});
