import { describe as describeRange } from '@marginalia/anchoring';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { seedReply, seedThread, selectorOf } from '../../test/support/comments/fixtures.js';

const PAGE = `query($slug: String!, $sort: ThreadSort, $scope: ThreadScope, $first: Int, $after: String) {
  article(slug: $slug) { threadConnection(sort: $sort, scope: $scope, first: $first, after: $after) {
    nodes { id anchorStatus originalQuote comments { id } } pageInfo { hasNextPage endCursor } } } }`;
const ORPHANS = `query($slug: String!) { article(slug: $slug) { orphanedThreads { id anchorStatus originalQuote anchor { exact } } } }`;
const REPLIES = `query($parentId: ID!, $sort: CommentSort, $first: Int, $after: String) {
  replies(parentId: $parentId, sort: $sort, first: $first, after: $after) {
    nodes { id status } pageInfo { hasNextPage endCursor } } }`;

interface Page {
  article: {
    threadConnection: {
      nodes: Array<{ id: string; anchorStatus: string | null; originalQuote: string | null }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
}

const minutesAgo = (n: number): Date => new Date(Date.now() - n * 60_000);

describe('sorted pages of threads and replies', () => {
  let api: TestApi;
  let prisma: PrismaService;
  let slug: string;
  /** Thread ids by name: created oldest (a) to newest (e); b and d on passages, e held. */
  const ids: Record<string, string> = {};
  let reader: Awaited<ReturnType<TestApi['register']>>;
  let author: Awaited<ReturnType<TestApi['register']>>;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
    const article = await makeArticle(prisma);
    slug = article.slug;
    author = await api.register();
    reader = await api.register();
    const anchorAt = (passage: string) => {
      const { start, end } = selectorOf(article.text, passage);
      const d = describeRange(article.text, start, end);
      return { revisionId: article.revisionId, position: d.position, quote: d.quote };
    };
    const seed = (name: string, minutes: number, extra: Partial<Parameters<typeof seedThread>[1]> = {}) =>
      seedThread(prisma, {
        articleId: article.id,
        authorId: author.userId,
        createdAt: minutesAgo(minutes),
        ...extra,
      }).then((r) => {
        ids[name] = r.threadId;
        ids[`${name}.root`] = r.commentId;
      });
    await seed('a', 50);
    await seed('b', 40, { anchor: anchorAt('conversation with the author') });
    await seed('c', 30);
    await seed('d', 20, { anchor: anchorAt('Readers write') });
    await seed('e', 10, { status: 'HELD' });
    await seed('o', 5, { anchor: anchorAt('older than print') });
    await prisma.thread.update({ where: { id: ids['o'] }, data: { anchorStatus: 'ORPHANED', anchorStart: null } });
    // Reactions: c has 5, a has 2 (on a reply), others none.
    await prisma.comment.update({ where: { id: ids['c.root'] }, data: { reactionCount: 5 } });
    const reply = await seedReply(prisma, { parentId: ids['a.root']!, authorId: author.userId });
    await prisma.comment.update({ where: { id: reply }, data: { reactionCount: 2 } });
  });
  afterAll(() => api.close());

  async function walk(sort: string, first: number, token?: string, scope?: string): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const res: Awaited<ReturnType<typeof api.gql<Page>>> = await api.gql<Page>(
        PAGE,
        { slug, sort, first, after, scope },
        token,
      );
      expect(res.errors).toBeUndefined();
      const { nodes, pageInfo } = res.data!.article.threadConnection;
      expect(nodes.length).toBeLessThanOrEqual(first);
      seen.push(...nodes.map((n) => n.id));
      if (!pageInfo.hasNextPage) return seen;
      after = pageInfo.endCursor;
    }
    throw new Error('did not finish');
  }

  const named = (...names: string[]): string[] => names.map((n) => ids[n]!);

  it('walks every sort order page by page without gaps or repeats', async () => {
    expect(await walk('POSITION', 2)).toEqual(named('d', 'b', 'a', 'c', 'o'));
    expect(await walk('OLDEST', 2)).toEqual(named('a', 'b', 'c', 'd', 'o'));
    expect(await walk('NEWEST', 3)).toEqual(named('o', 'd', 'c', 'b', 'a'));
    expect(await walk('MOST_REACTIONS', 1)).toEqual(named('c', 'a', 'b', 'd', 'o'));
  });

  it('includes the viewer’s own held thread only for them', async () => {
    expect(await walk('OLDEST', 10, author.token)).toEqual(named('a', 'b', 'c', 'd', 'e', 'o'));
    expect(await walk('OLDEST', 10, reader.token)).toEqual(named('a', 'b', 'c', 'd', 'o'));
  });

  it('filters by scope and lists orphans with their original quote', async () => {
    expect(await walk('POSITION', 10, undefined, 'PASSAGES')).toEqual(named('d', 'b'));
    expect(await walk('POSITION', 10, undefined, 'PAGE')).toEqual(named('a', 'c'));
    expect(await walk('POSITION', 10, undefined, 'ORPHANED')).toEqual(named('o'));
    const res = await api.gql<{ article: { orphanedThreads: unknown[] } }>(ORPHANS, { slug });
    expect(res.data!.article.orphanedThreads).toEqual([
      {
        id: ids['o'],
        anchorStatus: 'ORPHANED',
        originalQuote: 'older than print',
        anchor: { exact: 'older than print' },
      },
    ]);
  });

  it('keeps the old list field working', async () => {
    const res = await api.gql<{ article: { threads: Array<{ id: string }> } }>(
      `query($slug: String!) { article(slug: $slug) { threads { id } } }`,
      { slug },
    );
    expect(res.data!.article.threads.map((t) => t.id)).toEqual(named('d', 'b', 'a', 'c', 'o'));
  });

  it('refuses bad page arguments with the field named', async () => {
    const tooMany = await api.gql(PAGE, { slug, first: 201 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const zero = await api.gql(PAGE, { slug, first: 0 });
    expect(zero.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const garbage = await api.gql(PAGE, { slug, after: 'not-a-cursor' });
    expect(garbage.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const first = await api.gql<Page>(PAGE, { slug, sort: 'OLDEST', first: 1 });
    const otherSort = await api.gql(PAGE, {
      slug,
      sort: 'NEWEST',
      after: first.data!.article.threadConnection.pageInfo.endCursor,
    });
    expect(otherSort.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(errorCode(await api.gql(REPLIES, { parentId: 'zz' }))).toBe('BAD_USER_INPUT');
  });

  it('pages through the replies of a comment in each order', async () => {
    const root = await seedThread(prisma, {
      articleId: (await prisma.thread.findUniqueOrThrow({ where: { id: ids['a']! } })).articleId,
      authorId: author.userId,
    });
    const replyIds: string[] = [];
    for (let i = 0; i < 5; i++) {
      replyIds.push(
        await seedReply(prisma, { parentId: root.commentId, authorId: author.userId, createdAt: minutesAgo(10 - i) }),
      );
    }
    await seedReply(prisma, { parentId: root.commentId, authorId: author.userId, status: 'HELD' });
    await prisma.comment.update({ where: { id: replyIds[3] }, data: { reactionCount: 4 } });
    const all = async (sort: string): Promise<string[]> => {
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const res: Awaited<
          ReturnType<
            typeof api.gql<{
              replies: { nodes: Array<{ id: string }>; pageInfo: Page['article']['threadConnection']['pageInfo'] };
            }>
          >
        > = await api.gql(REPLIES, { parentId: root.commentId, sort, first: 2, after }, reader.token);
        expect(res.errors).toBeUndefined();
        seen.push(...res.data!.replies.nodes.map((n) => n.id));
        after = res.data!.replies.pageInfo.hasNextPage ? res.data!.replies.pageInfo.endCursor : null;
      } while (after);
      return seen;
    };
    expect(await all('OLDEST')).toEqual(replyIds);
    expect(await all('NEWEST')).toEqual([...replyIds].reverse());
    expect(await all('MOST_REACTIONS')).toEqual([replyIds[3], replyIds[0], replyIds[1], replyIds[2], replyIds[4]]);
  });
});
