import { PrismaService } from '../infra/prisma/prisma.service.js';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { subscribeEvents } from '../../test/support/comments/events.js';
import { seedReply, seedThread } from '../../test/support/comments/fixtures.js';
import { eventually } from '../../test/support/eventually.js';

const DELETE = `mutation($input: DeleteCommentInput!) { deleteComment(input: $input) {
  id status authorName author { id } bodyHtml bodySource replyCount } }`;
const THREADS = `query($slug: String!) { article(slug: $slug) { commentCount threads { id commentCount
  comments { id parentId status authorName bodyHtml } } } }`;

interface ThreadsData {
  article: {
    commentCount: number;
    threads: Array<{
      id: string;
      commentCount: number;
      comments: Array<{ id: string; parentId: string | null; status: string; authorName: string; bodyHtml: string }>;
    }>;
  };
}

describe('deleting comments', () => {
  let api: TestApi;
  let prisma: PrismaService;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
  });
  afterAll(() => api.close());

  it('lets the author delete a comment; with replies it stays as a placeholder', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const replier = await api.register();
    const { threadId, commentId } = await seedThread(prisma, { articleId: article.id, authorId: author.userId });
    const replyId = await seedReply(prisma, { parentId: commentId, authorId: replier.userId });
    const live = await subscribeEvents(api, article.id);

    const res = await api.gql<{ deleteComment: Record<string, unknown> }>(
      DELETE,
      { input: { commentId } },
      author.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.deleteComment).toEqual({
      id: commentId,
      status: 'DELETED',
      authorName: '[deleted]',
      author: null,
      bodyHtml: '<p><em>This comment was deleted.</em></p>',
      bodySource: null,
      replyCount: 1,
    });
    const seen = await api.gql<ThreadsData>(THREADS, { slug: article.slug }, replier.token);
    expect(seen.data!.article.threads).toEqual([
      {
        id: threadId,
        commentCount: 1,
        comments: [
          expect.objectContaining({ id: commentId, status: 'DELETED', authorName: '[deleted]' }),
          expect.objectContaining({ id: replyId, parentId: commentId, status: 'PUBLISHED' }),
        ],
      },
    ]);
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: commentId } })).statusReason).toBe(
      'DELETED_BY_AUTHOR',
    );
    expect(await prisma.moderationAction.count({ where: { commentId } })).toBe(0);
    await eventually(async () => (live.events.length > 0 ? true : undefined), {
      timeoutMs: 5000,
      what: 'the delete event',
    });
    expect(live.events).toEqual([{ type: 'COMMENT_DELETED', threadId, commentId, status: 'DELETED' }]);
    await live.close();

    // The last reply goes too: nothing is left to hold the placeholder up.
    const gone = await api.gql<{ deleteComment: unknown }>(DELETE, { input: { commentId: replyId } }, replier.token);
    expect(gone.data!.deleteComment).toBeNull();
    const after = await api.gql<ThreadsData>(THREADS, { slug: article.slug });
    expect(after.data!.article.threads).toEqual([]);
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: commentId } })).replyCount).toBe(0);
    expect((await prisma.thread.findUniqueOrThrow({ where: { id: threadId } })).commentCount).toBe(0);
  });

  it('lets a moderator delete anyone’s comment, with an audit row', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const moderator = await api.register();
    await prisma.user.update({ where: { id: moderator.userId }, data: { role: 'MODERATOR' } });
    const { threadId, commentId } = await seedThread(prisma, { articleId: article.id, authorId: author.userId });
    const held = await seedThread(prisma, { articleId: article.id, authorId: author.userId, status: 'HELD' });

    const res = await api.gql<{ deleteComment: unknown }>(
      DELETE,
      { input: { commentId, reason: 'Off topic' } },
      moderator.token,
    );
    expect(res.data!.deleteComment).toBeNull();
    const audit = await prisma.moderationAction.findMany({ where: { commentId } });
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'DELETE',
        actorId: moderator.userId,
        targetUserId: author.userId,
        articleId: article.id,
        reason: 'Off topic',
        fromStatus: 'PUBLISHED',
        toStatus: 'DELETED',
      }),
    ]);
    expect((await prisma.thread.findUniqueOrThrow({ where: { id: threadId } })).commentCount).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: author.userId } })).commentCount).toBe(0);
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: commentId } })).statusReason).toBe(
      'DELETED_BY_MODERATOR',
    );
    // Staff may remove what readers cannot see; only its author hears about it.
    const anonymous = await subscribeEvents(api, article.id);
    const own = await subscribeEvents(api, article.id, author.token);
    const heldGone = await api.gql(DELETE, { input: { commentId: held.commentId } }, moderator.token);
    expect(heldGone.errors).toBeUndefined();
    await eventually(async () => (own.events.length > 0 ? true : undefined), {
      timeoutMs: 5000,
      what: 'the author’s event',
    });
    expect(own.events).toEqual([
      { type: 'COMMENT_DELETED', threadId: held.threadId, commentId: held.commentId, status: 'HELD' },
    ]);
    expect(anonymous.events).toEqual([]);
    await Promise.all([anonymous.close(), own.close()]);
  });

  it('refuses other readers, hidden and unknown comments, and deleting twice', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const other = await api.register();
    const { commentId } = await seedThread(prisma, { articleId: article.id, authorId: author.userId });
    const held = await seedThread(prisma, { articleId: article.id, authorId: author.userId, status: 'HELD' });

    expect(errorCode(await api.gql(DELETE, { input: { commentId } }, other.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(DELETE, { input: { commentId: held.commentId } }, other.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(DELETE, { input: { commentId } }))).toBe('UNAUTHENTICATED');
    const unknown = await api.gql(
      DELETE,
      { input: { commentId: '00000000-0000-4000-8000-000000000000' } },
      other.token,
    );
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    const malformed = await api.gql(DELETE, { input: { commentId: '42' } }, other.token);
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'commentId' });

    expect((await api.gql(DELETE, { input: { commentId } }, author.token)).errors).toBeUndefined();
    expect(errorCode(await api.gql(DELETE, { input: { commentId } }, author.token))).toBe('NOT_FOUND');
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: held.commentId } })).status).toBe('HELD');
  });
});
