import { PrismaService } from '../infra/prisma/prisma.service.js';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { seedReply, seedThread } from '../../test/support/comments/fixtures.js';
import { replyMessage } from '../notifications/notification.writer.js';

const DELETE = `mutation($input: DeleteAccountInput!) { deleteAccount(input: $input) }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`;
const THREAD = `query($slug: String!) { article(slug: $slug) { threads { comments { id status authorName bodyHtml } } } }`;

interface Hit {
  column: string;
  rows: number;
}

/**
 * Every text, varchar and json column of every table (found in information_schema, so tables
 * added later are covered) that contains `needle`, any case.
 */
async function findEverywhere(prisma: PrismaService, needle: string): Promise<Hit[]> {
  const columns = await prisma.$queryRaw<Array<{ table: string; column: string }>>`
    SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
    WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY')`;
  const hits: Hit[] = [];
  for (const { table, column } of columns) {
    const [row] = await prisma.$queryRawUnsafe<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM "${table}" WHERE position(lower($1) in lower("${column}"::text)) > 0`,
      needle,
    );
    if (row!.n > 0) hits.push({ column: `${table}.${column}`, rows: row!.n });
  }
  return hits;
}

describe('deleting an account', () => {
  let api: TestApi;
  let prisma: PrismaService;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
  });
  afterAll(() => api.close());

  /** A user with something in every table that can hold them: comments, replies, reports, mail… */
  async function leaver(name: string) {
    const article = await makeArticle(prisma);
    const user = await api.register({ displayName: name, handle: `leaver_${Math.random().toString(36).slice(2, 9)}` });
    const other = await api.register();
    const moderator = await api.register();
    await prisma.user.update({
      where: { id: user.userId },
      data: { bio: `I am ${name}`, emailVerifiedAt: new Date(), statusReason: `${name} was warned` },
    });
    const root = await seedThread(prisma, { articleId: article.id, authorId: user.userId, body: 'a lone thought' });
    const answered = await seedThread(prisma, { articleId: article.id, authorId: user.userId, body: 'a claim' });
    const othersReply = await seedReply(prisma, {
      parentId: answered.commentId,
      authorId: other.userId,
      body: 'a reply',
    });
    const ownReply = await seedReply(prisma, { parentId: othersReply, authorId: user.userId, body: 'my answer' });
    await prisma.commentRevision.create({
      data: { commentId: answered.commentId, bodySource: 'an older claim', bodyHtml: '<p>an older claim</p>' },
    });
    // Another reader mentions them: the link to their profile.
    const mentioning = await seedThread(prisma, { articleId: article.id, authorId: other.userId, body: 'x' });
    await prisma.comment.update({
      where: { id: mentioning.commentId },
      data: { bodyHtml: `<p>ask <a href="/u/${user.handle}">@${user.handle}</a></p>` },
    });
    await prisma.reaction.create({
      data: { commentId: mentioning.commentId, userId: user.userId, kind: 'insightful' },
    });
    await prisma.flag.create({
      data: { commentId: mentioning.commentId, reporterId: user.userId, reason: 'OTHER', note: `${name} disagrees` },
    });
    await prisma.flag.create({
      data: { commentId: root.commentId, reporterId: other.userId, reason: 'SPAM', note: `${name} again` },
    });
    await prisma.notification.create({
      data: { userId: other.userId, kind: 'REPLY', commentId: ownReply, message: replyMessage(name) },
    });
    await prisma.notification.create({
      data: { userId: user.userId, kind: 'REPLY', commentId: othersReply, message: 'Someone replied' },
    });
    await prisma.notificationPreference.create({
      data: { userId: user.userId, kind: 'REPLY', inApp: false, email: 'IMMEDIATE' },
    });
    await prisma.accountToken.create({
      data: {
        userId: user.userId,
        purpose: 'CHANGE_EMAIL',
        tokenHash: Math.random().toString(36),
        newEmail: `new-${user.email}`,
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    await prisma.outgoingMail.create({
      data: {
        idempotencyKey: `test:${user.userId}`,
        userId: user.userId,
        toAddress: user.email,
        template: 'verify-email',
        subject: `Welcome, ${name}`,
        text: `Hello ${name} <${user.email}>`,
        html: `<p>Hello ${name}</p>`,
        headers: { to: `${name} <${user.email}>` },
      },
    });
    await prisma.moderationAction.create({
      data: {
        commentId: root.commentId,
        articleId: article.id,
        actorId: moderator.userId,
        targetUserId: user.userId,
        action: 'HOLD',
        reason: `Holding ${name}'s comment`,
        fromStatus: 'PUBLISHED',
        toStatus: 'PUBLISHED',
      },
    });
    return { article, user, other, root, answered, othersReply, ownReply, mentioning };
  }

  it('replaces the name only where it stands as a whole word', async () => {
    // A short name that other words contain: "Al" in "Also" and "Alps" stays as written.
    const s = await leaver('Al');
    const reason = 'Also: Al (in the Alps) asked again; Al.';
    const action = await prisma.moderationAction.create({
      data: { targetUserId: s.user.userId, action: 'WARN_USER', reason },
    });
    const res = await api.gql(
      DELETE,
      { input: { password: s.user.password, comments: 'KEEP_AS_DELETED_USER' } },
      s.user.token,
    );
    expect(res.errors).toBeUndefined();
    const after = await prisma.moderationAction.findUniqueOrThrow({ where: { id: action.id } });
    expect(after.reason).toBe('Also: a deleted user (in the Alps) asked again; a deleted user.');
  });

  it.each([['KEEP_AS_DELETED_USER'], ['REMOVE']])(
    'erases the name and address from every table, ends every session, and %s the comments',
    async (choice) => {
      const name = `Zelda Quillfeather ${choice.length}`;
      const s = await leaver(name);
      const before = await findEverywhere(prisma, s.user.email);
      expect(before.length).toBeGreaterThan(0);

      const res = await api.gql<{ deleteAccount: boolean }>(
        DELETE,
        { input: { password: s.user.password, comments: choice } },
        s.user.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.deleteAccount).toBe(true);

      expect(await findEverywhere(prisma, s.user.email)).toEqual([]);
      expect(await findEverywhere(prisma, name)).toEqual([]);
      expect(await findEverywhere(prisma, `/u/${s.user.handle}`)).toEqual([]);

      const row = await prisma.user.findUniqueOrThrow({ where: { id: s.user.userId } });
      expect(row).toMatchObject({
        email: `deleted-${s.user.userId}@deleted.invalid`,
        handle: `deleted-${s.user.userId.replaceAll('-', '').slice(0, 12)}`,
        displayName: 'a deleted user',
        bio: null,
        emailVerifiedAt: null,
        deletedAt: expect.any(Date),
      });
      const left = {
        refreshTokens: await prisma.refreshToken.count({ where: { userId: s.user.userId } }),
        accountTokens: await prisma.accountToken.count({ where: { userId: s.user.userId } }),
        preferences: await prisma.notificationPreference.count({ where: { userId: s.user.userId } }),
        notifications: await prisma.notification.count({ where: { userId: s.user.userId } }),
        auditRows: await prisma.moderationAction.count({ where: { targetUserId: s.user.userId } }),
      };
      expect(left).toEqual({ refreshTokens: 0, accountTokens: 0, preferences: 0, notifications: 0, auditRows: 1 });

      // Sessions: the access token is dead; the password opens nothing; the refresh token is gone.
      expect(errorCode(await api.gql('{ exportMyData }', {}, s.user.token))).toBe('UNAUTHENTICATED');
      const login = await api.gql(LOGIN, { input: { email: s.user.email, password: s.user.password } });
      const unknown = await api.gql(LOGIN, { input: { email: 'never-registered@example.test', password: 'x' } });
      expect(errorCode(login)).toBe('UNAUTHENTICATED');
      expect(login.errors![0]!.message).toBe(unknown.errors![0]!.message);
      const refresh = await api.gql('mutation($t: String!) { refreshToken(token: $t) { accessToken } }', {
        t: s.user.refreshToken,
      });
      expect(errorCode(refresh)).toBe('UNAUTHENTICATED');
      // No profile under either handle.
      for (const handle of [s.user.handle, row.handle]) {
        expect(errorCode(await api.gql('query($h: String!) { user(handle: $h) { id } }', { h: handle }))).toBe(
          'NOT_FOUND',
        );
      }

      const seen = await api.gql<{
        article: { threads: Array<{ comments: Array<{ id: string; status: string; authorName: string }> }> };
      }>(THREAD, { slug: s.article.slug }, s.other.token);
      const comments = new Map(seen.data!.article.threads.flatMap((t) => t.comments).map((c) => [c.id, c]));
      if (choice === 'KEEP_AS_DELETED_USER') {
        for (const id of [s.root.commentId, s.answered.commentId, s.ownReply]) {
          expect(comments.get(id)).toMatchObject({ status: 'PUBLISHED', authorName: 'a deleted user' });
        }
      } else {
        // A placeholder only where someone else replied.
        expect(comments.has(s.root.commentId)).toBe(false);
        expect(comments.has(s.ownReply)).toBe(false);
        expect(comments.get(s.answered.commentId)).toMatchObject({ status: 'DELETED', authorName: '[deleted]' });
        expect(comments.get(s.othersReply)).toMatchObject({ status: 'PUBLISHED' });
        const rows = await prisma.comment.findMany({ where: { authorId: s.user.userId } });
        expect(rows.every((c) => c.status === 'DELETED' && c.bodySource === '' && c.bodyHtml === '')).toBe(true);
        expect(await prisma.commentRevision.count({ where: { commentId: s.answered.commentId } })).toBe(0);
        const other = await prisma.comment.findUniqueOrThrow({ where: { id: s.othersReply } });
        expect(other.replyCount).toBe(0);
      }
    },
  );

  it('refuses a wrong password, on the password field, and changes nothing', async () => {
    const user = await api.register();
    const res = await api.gql(DELETE, { input: { password: 'not my password', comments: 'REMOVE' } }, user.token);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!['field']).toBe('password');
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.userId } });
    expect(row).toMatchObject({ email: user.email, deletedAt: null });
    expect(errorCode(await api.gql(DELETE, { input: { password: user.password, comments: 'REMOVE' } }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('asks for the password when the account has one, and a typed handle will not do', async () => {
    const user = await api.register();
    const handle = (await prisma.user.findUniqueOrThrow({ where: { id: user.userId } })).handle;
    const res = await api.gql(DELETE, { input: { confirmHandle: handle, comments: 'REMOVE' } }, user.token);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!['field']).toBe('password');
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.userId } })).toMatchObject({ deletedAt: null });
    const me = await api.gql<{ me: { hasPassword: boolean } }>('{ me { hasPassword } }', {}, user.token);
    expect(me.data!.me.hasPassword).toBe(true);
  });
});
