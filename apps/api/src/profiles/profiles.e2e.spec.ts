import { PrismaService } from '../infra/prisma/prisma.service.js';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { seedReply, seedThread } from '../../test/support/comments/fixtures.js';

const UPDATE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { handle displayName bio } }`;
const PROFILE = `query($handle: String!, $first: Int, $after: String) { user(handle: $handle) {
  id handle displayName bio joinedAt role
  comments(first: $first, after: $after) {
    nodes { id bodyHtml passage permalink article { id slug title } }
    pageInfo { hasNextPage endCursor } } } }`;

interface ProfileData {
  user: {
    id: string;
    handle: string;
    displayName: string;
    bio: string | null;
    role: string;
    comments: {
      nodes: Array<{
        id: string;
        bodyHtml: string;
        passage: string | null;
        permalink: string;
        article: { id: string; slug: string; title: string };
      }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
}

const minutesAgo = (n: number): Date => new Date(Date.now() - n * 60_000);

describe('profiles', () => {
  let api: TestApi;
  let prisma: PrismaService;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
  });
  afterAll(() => api.close());

  it('updates the display name and a plain-text bio, and refuses bad input with its field', async () => {
    const reader = await api.register();
    const ok = await api.gql<{ updateProfile: Record<string, unknown> }>(
      UPDATE,
      { input: { displayName: '  Ada L.  ', bio: 'Reads *slowly*.\r\nLikes <b>margins</b>.' } },
      reader.token,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.updateProfile).toMatchObject({
      displayName: 'Ada L.',
      bio: 'Reads *slowly*.\nLikes <b>margins</b>.',
    });

    const cases: Array<[Record<string, unknown>, string]> = [
      [{ displayName: '' }, 'displayName'],
      [{ displayName: '   ' }, 'displayName'],
      [{ displayName: 'x'.repeat(81) }, 'displayName'],
      [{ displayName: 'bell\u0007' }, 'displayName'],
      [{ bio: 'b'.repeat(501) }, 'bio'],
    ];
    for (const [input, field] of cases) {
      const res = await api.gql(UPDATE, { input }, reader.token);
      expect({ input, code: errorCode(res), field: res.errors?.[0]?.extensions?.['field'] }).toEqual({
        input,
        code: 'BAD_USER_INPUT',
        field,
      });
    }
    const cleared = await api.gql<{ updateProfile: { bio: string | null } }>(
      UPDATE,
      { input: { bio: '' } },
      reader.token,
    );
    expect(cleared.data!.updateProfile.bio).toBeNull();
    expect(errorCode(await api.gql(UPDATE, { input: { bio: 'x' } }))).toBe('UNAUTHENTICATED');
  });

  it("shows anyone a user's published comments only, with passage and article, page by page", async () => {
    const article = await makeArticle(prisma, { title: 'Margins and readers' });
    const author = await api.register({ handle: `Margin_${Date.now() % 100000}`, displayName: 'Marginal Note' });
    const other = await api.register();
    const anchored = await seedThread(prisma, {
      articleId: article.id,
      authorId: author.userId,
      body: 'anchored one',
      createdAt: minutesAgo(50),
      anchor: {
        revisionId: article.revisionId,
        position: { start: 0, end: 10 },
        quote: { exact: 'On margins', prefix: '', suffix: '\n\nReaders' },
      },
    });
    const page = await seedThread(prisma, {
      articleId: article.id,
      authorId: author.userId,
      body: 'page-level two',
      createdAt: minutesAgo(40),
    });
    const reply = await seedReply(prisma, {
      parentId: anchored.commentId,
      authorId: author.userId,
      body: 'reply three',
      createdAt: minutesAgo(30),
    });
    for (const status of ['PENDING', 'HELD', 'REJECTED', 'DELETED'] as const) {
      await seedThread(prisma, { articleId: article.id, authorId: author.userId, body: `hidden ${status}`, status });
    }
    await seedThread(prisma, { articleId: article.id, authorId: other.userId, body: 'not theirs' });

    // Any case finds the handle; anonymous readers see it.
    const first = await api.gql<ProfileData>(PROFILE, { handle: `  ${author.handle.toUpperCase()}`, first: 2 });
    expect(first.errors).toBeUndefined();
    const profile = first.data!.user;
    expect(profile).toMatchObject({
      id: author.userId,
      handle: author.handle,
      displayName: 'Marginal Note',
      role: 'READER',
    });
    expect(profile.comments.nodes.map((n) => n.id)).toEqual([reply, page.commentId]);
    expect(profile.comments.nodes[0]).toMatchObject({
      bodyHtml: '<p>reply three</p>\n',
      passage: 'On margins',
      permalink: `/a/${article.slug}/c/${reply}`,
      article: { id: article.id, slug: article.slug, title: 'Margins and readers' },
    });
    expect(profile.comments.nodes[1]!.passage).toBeNull();
    expect(profile.comments.pageInfo.hasNextPage).toBe(true);

    const second = await api.gql<ProfileData>(PROFILE, {
      handle: author.handle,
      first: 2,
      after: profile.comments.pageInfo.endCursor,
    });
    expect(second.data!.user.comments.nodes.map((n) => n.id)).toEqual([anchored.commentId]);
    expect(second.data!.user.comments.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
  });

  it('answers NOT_FOUND for an unknown handle, and hides banned users from all but the staff', async () => {
    expect(errorCode(await api.gql(PROFILE, { handle: 'nobody_here_at_all' }))).toBe('NOT_FOUND');
    const banned = await api.register();
    const moderator = await api.register();
    await prisma.user.update({ where: { id: banned.userId }, data: { status: 'BANNED' } });
    await prisma.user.update({ where: { id: moderator.userId }, data: { role: 'MODERATOR' } });
    expect(errorCode(await api.gql(PROFILE, { handle: banned.handle }))).toBe('NOT_FOUND');
    const staffView = await api.gql<ProfileData>(PROFILE, { handle: banned.handle }, moderator.token);
    expect(staffView.data!.user.id).toBe(banned.userId);
    // A suspension is private: the profile looks like any other.
    const suspended = await api.register();
    await prisma.user.update({ where: { id: suspended.userId }, data: { status: 'SUSPENDED' } });
    expect((await api.gql<ProfileData>(PROFILE, { handle: suspended.handle })).data!.user.id).toBe(suspended.userId);
    expect(errorCode(await api.gql(UPDATE, { input: { bio: 'x' } }, suspended.token))).toBe('FORBIDDEN');
  });

  it('exports every kind of item the user has, as one JSON document', async () => {
    const article = await makeArticle(prisma);
    const reader = await api.register({ displayName: 'Export Me' });
    const other = await api.register();
    const mine = await seedThread(prisma, { articleId: article.id, authorId: reader.userId, body: 'my words' });
    await prisma.commentRevision.create({
      data: { commentId: mine.commentId, bodySource: 'my first words', bodyHtml: '<p>my first words</p>' },
    });
    const held = await seedThread(prisma, {
      articleId: article.id,
      authorId: reader.userId,
      body: 'held words',
      status: 'HELD',
    });
    const theirs = await seedThread(prisma, { articleId: article.id, authorId: other.userId, body: 'their words' });
    await prisma.reaction.create({ data: { commentId: theirs.commentId, userId: reader.userId, kind: 'insightful' } });
    await prisma.flag.create({
      data: { commentId: theirs.commentId, reporterId: reader.userId, reason: 'SPAM', note: 'an advert' },
    });
    await prisma.notification.create({
      data: { userId: reader.userId, kind: 'REPLY', commentId: theirs.commentId, message: 'Someone replied' },
    });
    await prisma.notificationPreference.create({
      data: { userId: reader.userId, kind: 'REPLY', inApp: true, email: 'DAILY_DIGEST' },
    });

    const res = await api.gql<{ exportMyData: string }>('{ exportMyData }', {}, reader.token);
    expect(res.errors).toBeUndefined();
    const doc = JSON.parse(res.data!.exportMyData) as Record<string, unknown>;
    expect(doc).toMatchObject({
      format: 'marginalia-account-export',
      version: 1,
      account: { id: reader.userId, email: reader.email, displayName: 'Export Me', createdAt: expect.any(String) },
      comments: [
        {
          id: mine.commentId,
          status: 'PUBLISHED',
          bodySource: 'my words',
          thread: { id: mine.threadId, passage: null },
          article: { id: article.id, slug: article.slug },
          revisions: [{ bodySource: 'my first words' }],
        },
        { id: held.commentId, status: 'HELD', bodySource: 'held words', revisions: [] },
      ],
      reactions: [{ commentId: theirs.commentId, kind: 'insightful' }],
      flags: [{ commentId: theirs.commentId, reason: 'SPAM', note: 'an advert', resolved: false }],
      notifications: [{ kind: 'REPLY', message: 'Someone replied', commentId: theirs.commentId }],
      notificationPreferences: [{ kind: 'REPLY', inApp: true, email: 'DAILY_DIGEST' }],
    });
    expect(JSON.stringify(doc)).not.toContain('their words');
    expect(errorCode(await api.gql('{ exportMyData }'))).toBe('UNAUTHENTICATED');
  });
});
