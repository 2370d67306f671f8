import { PrismaService } from '../infra/prisma/prisma.service.js';
import { notifyPublished } from '../notifications/notification.writer.js';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { seedReply, seedThread } from '../../test/support/comments/fixtures.js';
import { makeArticle } from '../../test/support/factories.js';

const MUTE = 'mutation($id: ID!) { muteUser(userId: $id) { id handle } }';
const UNMUTE = 'mutation($id: ID!) { unmuteUser(userId: $id) { id } }';
const MUTED = '{ mutedUsers { id } }';
const THREADS = `query($slug: String!) { article(slug: $slug) { threads { comments {
  id muted bodyHtml author { id } status statusReason statusExplanation } } } }`;

interface SeenComment {
  id: string;
  muted: boolean;
  bodyHtml: string;
  status: string;
  statusReason: string | null;
  statusExplanation: string | null;
}

describe('muting another reader', () => {
  let api: TestApi;
  let prisma: PrismaService;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
  });
  afterAll(async () => {
    await api.close();
  });

  const seen = async (slug: string, token?: string): Promise<Map<string, SeenComment>> => {
    const res = await api.gql<{ article: { threads: Array<{ comments: SeenComment[] }> } }>(THREADS, { slug }, token);
    expect(res.errors).toBeUndefined();
    return new Map(res.data!.article.threads.flatMap((t) => t.comments).map((c) => [c.id, c]));
  };

  it('collapses the muted person’s comments for me only, keeps the thread readable, and lists them in settings', async () => {
    const [me, loud, other] = await Promise.all([api.register(), api.register(), api.register()]);
    const article = await makeArticle(prisma);
    const { commentId: mine } = await seedThread(prisma, { articleId: article.id, authorId: me.userId, body: 'Mine' });
    const theirs = await seedReply(prisma, { parentId: mine, authorId: loud.userId, body: 'Very loud words' });
    await seedReply(prisma, { parentId: theirs, authorId: other.userId, body: 'A calm answer' });

    const muted = await api.gql<{ muteUser: Array<{ id: string; handle: string }> }>(
      MUTE,
      { id: loud.userId },
      me.token,
    );
    expect(muted.data!.muteUser).toEqual([{ id: loud.userId, handle: loud.handle }]);
    // Twice is the same as once.
    expect((await api.gql(MUTE, { id: loud.userId }, me.token)).errors).toBeUndefined();

    const mine1 = await seen(article.slug, me.token);
    expect(mine1.size).toBe(3);
    expect(mine1.get(theirs)).toMatchObject({ muted: true, bodyHtml: '<p><em>You muted this person.</em></p>' });
    expect([...mine1.values()].filter((c) => c.muted)).toHaveLength(1);
    expect([...mine1.values()].find((c) => c.bodyHtml.includes('A calm answer'))).toBeDefined();

    // Nobody else is affected.
    const others = await seen(article.slug, other.token);
    expect(others.get(theirs)).toMatchObject({ muted: false });
    expect(others.get(theirs)!.bodyHtml).toContain('Very loud words');
    expect((await seen(article.slug)).get(theirs)!.bodyHtml).toContain('Very loud words');

    expect((await api.gql<{ mutedUsers: Array<{ id: string }> }>(MUTED, {}, me.token)).data!.mutedUsers).toEqual([
      { id: loud.userId },
    ]);
    const unmuted = await api.gql<{ unmuteUser: unknown[] }>(UNMUTE, { id: loud.userId }, me.token);
    expect(unmuted.data!.unmuteUser).toEqual([]);
    expect((await seen(article.slug, me.token)).get(theirs)!.bodyHtml).toContain('Very loud words');
  });

  it('stops replies and mentions by the muted person from notifying me', async () => {
    const [me, loud, other] = await Promise.all([api.register(), api.register(), api.register()]);
    const article = await makeArticle(prisma);
    await api.gql(MUTE, { id: loud.userId }, me.token);
    const { commentId: mine } = await seedThread(prisma, { articleId: article.id, authorId: me.userId });
    const { commentId: othersRoot } = await seedThread(prisma, { articleId: article.id, authorId: other.userId });
    const reply = async (parentId: string, parentAuthorId: string, body: string): Promise<void> => {
      const id = await seedReply(prisma, { parentId, authorId: loud.userId, body });
      await prisma.$transaction((tx) =>
        notifyPublished(tx, {
          commentId: id,
          authorId: loud.userId,
          authorName: 'Loud',
          parentAuthorId,
          bodySource: body,
          articleId: article.id,
          now: new Date(),
        }),
      );
    };
    await reply(mine, me.userId, 'A reply to you');
    await reply(othersRoot, other.userId, `Hello @${me.handle} and a reply to @${other.handle}`);

    expect(await prisma.notification.count({ where: { userId: me.userId } })).toBe(0);
    // The one who did not mute is told, as before.
    expect(await prisma.notification.count({ where: { userId: other.userId } })).toBe(1);
  });

  it('refuses muting oneself, an unknown person, and anonymous callers', async () => {
    const me = await api.register();
    const self = await api.gql(MUTE, { id: me.userId }, me.token);
    expect(errorCode(self)).toBe('BAD_USER_INPUT');
    expect(self.errors?.[0]?.extensions?.['field']).toBe('userId');
    expect(errorCode(await api.gql(MUTE, { id: '00000000-0000-4000-8000-000000000000' }, me.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(MUTE, { id: me.userId }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(MUTED))).toBe('UNAUTHENTICATED');
  });
});

describe('a held or rejected comment explains itself to its author', () => {
  let api: TestApi;
  let prisma: PrismaService;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
  });
  afterAll(async () => {
    await api.close();
  });

  it('shows the reason’s plain-language explanation to the author only', async () => {
    const [author, reader] = await Promise.all([api.register(), api.register()]);
    const article = await makeArticle(prisma);
    const { commentId } = await seedThread(prisma, {
      articleId: article.id,
      authorId: author.userId,
      status: 'REJECTED',
    });
    await prisma.comment.update({ where: { id: commentId }, data: { statusReason: 'REJECTED_OFF_TOPIC' } });
    const res = await api.gql<{ comment: { comment: SeenComment } }>(
      'query($id: ID!) { comment(id: $id) { comment { status statusReason statusExplanation } } }',
      { id: commentId },
      author.token,
    );
    expect(res.data!.comment.comment).toEqual({
      status: 'REJECTED',
      statusReason: 'REJECTED_OFF_TOPIC',
      statusExplanation: 'A moderator removed your comment as off topic.',
    });
    // Others do not see a rejected comment at all.
    const other = await api.gql(
      'query($id: ID!) { comment(id: $id) { comment { id } } }',
      { id: commentId },
      reader.token,
    );
    expect(errorCode(other)).toBe('NOT_FOUND');
  });
});
