import { PrismaService } from '../infra/prisma/prisma.service.js';
import { postComment, registerAs } from '../../test/support/moderation/e2e-helpers.js';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { countStatements } from '../../test/support/statements.js';

interface Node {
  id: string;
  handle: string;
  displayName: string;
  role: string;
  status: string;
  email: string | null;
  publishedCount: number;
  rejectedCount: number;
  flagsReceived: number;
  openFlagsReceived: number;
}
interface Page {
  users: { nodes: Node[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const USERS = `query($query: String, $role: Role, $status: UserStatus, $first: Int, $after: String) {
  users(query: $query, role: $role, status: $status, first: $first, after: $after) {
    nodes { id handle displayName role status email publishedCount rejectedCount flagsReceived openFlagsReceived }
    pageInfo { hasNextPage endCursor } } }`;

describe('user directory', () => {
  let api: TestApi;
  let prisma: PrismaService;
  let moderator: { token: string; userId: string };
  let admin: { token: string; userId: string };
  /** In every display name of this file's users, so searches see only them. */
  const tag = `dir${Math.random().toString(36).slice(2, 8)}`;
  const made: string[] = [];

  const make = async (n: number): Promise<{ token: string; userId: string }> => {
    const user = await api.register({ displayName: `Person ${tag} ${String(n).padStart(2, '0')}` });
    made.push(user.userId);
    return user;
  };

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
    [moderator, admin] = await Promise.all([registerAs(api, prisma, 'MODERATOR'), registerAs(api, prisma, 'ADMIN')]);
    // Sequentially, so creation times (the order) are distinct and known.
    for (let i = 0; i < 7; i++) await make(i);
  });
  afterAll(async () => {
    await api.close();
  });

  const list = (variables: Record<string, unknown>, token = moderator.token) => api.gql<Page>(USERS, variables, token);

  it('pages through the matches newest first, with no gap or repeat', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res = await list({ query: tag.toUpperCase(), first: 3, after });
      expect(res.errors).toBeUndefined();
      seen.push(...res.data!.users.nodes.map((n) => n.id));
      after = res.data!.users.pageInfo.hasNextPage ? res.data!.users.pageInfo.endCursor : null;
      pages++;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...made].reverse());
  });

  it('filters by role and status and searches handles', async () => {
    const [first, second] = made as [string, string];
    await prisma.user.update({ where: { id: first }, data: { role: 'MODERATOR' } });
    await prisma.user.update({ where: { id: second }, data: { status: 'SUSPENDED' } });
    const role = await list({ query: tag, role: 'MODERATOR' });
    expect(role.data!.users.nodes.map((n) => n.id)).toEqual([first]);
    const status = await list({ query: tag, status: 'SUSPENDED' });
    expect(status.data!.users.nodes.map((n) => [n.id, n.status])).toEqual([[second, 'SUSPENDED']]);
    const both = await list({ query: tag, role: 'READER', status: 'ACTIVE' });
    expect(both.data!.users.nodes).toHaveLength(made.length - 2);
    const handle = (await prisma.user.findUniqueOrThrow({ where: { id: second } })).handle;
    const byHandle = await list({ query: `  ${handle.toUpperCase()} ` });
    expect(byHandle.data!.users.nodes.map((n) => n.id)).toEqual([second]);
    expect((await list({ query: `${tag}-nobody` })).data!.users).toEqual({
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('counts comments, rejections and reports against each user', async () => {
    const article = await makeArticle(prisma);
    const author = await make(50);
    const reporters = await Promise.all([api.register(), api.register()]);
    const [a, b] = [
      await postComment(api, author.token, article.id, 'One'),
      await postComment(api, author.token, article.id, 'Two'),
    ];
    await prisma.user.update({ where: { id: author.userId }, data: { commentCount: 5, rejectedCount: 2 } });
    await prisma.flag.createMany({
      data: [
        { commentId: a, reporterId: reporters[0].userId, reason: 'SPAM' },
        { commentId: a, reporterId: reporters[1].userId, reason: 'ABUSE', resolved: true, resolvedAt: new Date() },
        { commentId: b, reporterId: reporters[0].userId, reason: 'SPAM' },
      ],
    });
    const res = await list({ query: tag, first: 1 });
    expect(res.data!.users.nodes[0]).toMatchObject({
      id: author.userId,
      publishedCount: 5,
      rejectedCount: 2,
      flagsReceived: 3,
      openFlagsReceived: 2,
    });
    const others = await list({ query: tag, first: 50 });
    expect(others.data!.users.nodes.filter((n) => n.id !== author.userId).every((n) => n.flagsReceived === 0)).toBe(
      true,
    );
  });

  it('loads a page in a constant number of statements, whatever its size', async () => {
    const countFor = (first: number): Promise<number> =>
      countStatements(async () => {
        const res = await list({ query: tag, first }, admin.token);
        expect(res.data!.users.nodes).toHaveLength(first);
      });
    const small = await countFor(1);
    const large = await countFor(7);
    expect(large).toBe(small);
    // viewer, users, reports against them
    expect(large).toBeLessThanOrEqual(3);
  });

  it('is for staff only and refuses bad arguments with coded errors', async () => {
    const reader = await api.register();
    expect(errorCode(await list({}, reader.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(USERS, {}))).toBe('UNAUTHENTICATED');
    const badCursor = await list({ after: 'bm90LWEtY3Vyc29y' });
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    for (const first of [0, 101]) expect(errorCode(await list({ first }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await list({ query: 'x'.repeat(101) }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await list({ role: 'OWNER' }))).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
