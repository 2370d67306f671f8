import { describe as describeRange } from '@marginalia/anchoring';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { seedReply, seedThread, selectorOf } from '../../test/support/comments/fixtures.js';

const PERMALINK = `query($id: ID!) { comment(id: $id) {
  comment { id parentId status isOwn }
  thread { id anchor { start end exact status } originalQuote comments { id } }
  article { id slug title } } }`;

interface Permalink {
  comment: {
    comment: { id: string; parentId: string | null; status: string; isOwn: boolean };
    thread: {
      id: string;
      anchor: { start: number; end: number; exact: string } | null;
      comments: Array<{ id: string }>;
    };
    article: { id: string; slug: string; title: string };
  };
}

describe('comment permalinks', () => {
  let api: TestApi;
  let prisma: PrismaService;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
  });
  afterAll(() => api.close());

  it('returns a reply with its thread, anchor and article, to anyone', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const { start, end } = selectorOf(article.text, 'older than print');
    const described = describeRange(article.text, start, end);
    const { threadId, commentId } = await seedThread(prisma, {
      articleId: article.id,
      authorId: author.userId,
      anchor: { revisionId: article.revisionId, position: described.position, quote: described.quote },
    });
    const replyId = await seedReply(prisma, { parentId: commentId, authorId: author.userId });

    const res = await api.gql<Permalink>(PERMALINK, { id: replyId });
    expect(res.errors).toBeUndefined();
    expect(res.data!.comment).toEqual({
      comment: { id: replyId, parentId: commentId, status: 'PUBLISHED', isOwn: false },
      thread: {
        id: threadId,
        anchor: { start, end, exact: 'older than print', status: 'ANCHORED' },
        originalQuote: 'older than print',
        comments: [{ id: commentId }, { id: replyId }],
      },
      article: { id: article.id, slug: article.slug, title: 'Writing in the margins' },
    });
  });

  it('shows a held comment to its author and to nobody else', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const other = await api.register();
    const { commentId } = await seedThread(prisma, { articleId: article.id, authorId: author.userId, status: 'HELD' });
    const own = await api.gql<Permalink>(PERMALINK, { id: commentId }, author.token);
    expect(own.data!.comment.comment).toMatchObject({ status: 'HELD', isOwn: true });
    expect(errorCode(await api.gql(PERMALINK, { id: commentId }, other.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(PERMALINK, { id: commentId }))).toBe('NOT_FOUND');
  });

  it('answers NOT_FOUND for unknown and vanished comments, BAD_USER_INPUT for malformed ids', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const { commentId } = await seedThread(prisma, { articleId: article.id, authorId: author.userId });
    await prisma.comment.update({ where: { id: commentId }, data: { status: 'DELETED' } });
    expect(errorCode(await api.gql(PERMALINK, { id: commentId }, author.token))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(PERMALINK, { id: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
    const malformed = await api.gql(PERMALINK, { id: 'x' });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});
