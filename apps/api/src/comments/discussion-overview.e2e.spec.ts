import { describe as describeRange } from '@marginalia/anchoring';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { seedReply, seedThread } from '../../test/support/comments/fixtures.js';

const MAP = `query($slug: String!) { article(slug: $slug) { highlightMap { start end threadCount commentCount } } }`;
const SUMMARIES = `query($slug: String!, $from: Int!, $to: Int!, $first: Int, $after: String) {
  article(slug: $slug) { threadSummaries(from: $from, to: $to, first: $first, after: $after) {
    nodes { id start end exact commentCount firstCommentId firstStatus excerpt authorName }
    pageInfo { hasNextPage endCursor } } } }`;
const THREAD = `query($id: ID!) { thread(id: $id) { id commentCount comments { id status } } }`;

interface Summary {
  id: string;
  start: number;
  end: number;
  exact: string;
  commentCount: number;
  firstCommentId: string;
  firstStatus: string;
  excerpt: string;
  authorName: string | null;
}
interface SummaryPage {
  article: { threadSummaries: { nodes: Summary[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
}

const minutesAgo = (n: number): Date => new Date(Date.now() - n * 60_000);
const WORDS = 'margin reader passage argument evidence history treaty policy comment context question answer';

describe('the first view of a large discussion: highlight map, thread summaries, one thread', () => {
  let api: TestApi;
  let prisma: PrismaService;
  let article: Awaited<ReturnType<typeof makeArticle>>;
  let author: Awaited<ReturnType<TestApi['register']>>;
  let reader: Awaited<ReturnType<TestApi['register']>>;
  /** Thread ids by name. */
  const ids: Record<string, string> = {};

  const anchorAt = (start: number, end: number) => {
    const d = describeRange(article.text, start, end);
    return { revisionId: article.revisionId, position: d.position, quote: d.quote };
  };
  const seed = async (
    name: string,
    range: [number, number] | null,
    minutes: number,
    extra: Partial<Parameters<typeof seedThread>[1]> = {},
  ): Promise<string> => {
    const r = await seedThread(prisma, {
      articleId: article.id,
      authorId: author.userId,
      createdAt: minutesAgo(minutes),
      ...(range ? { anchor: anchorAt(range[0], range[1]) } : {}),
      ...extra,
    });
    ids[name] = r.threadId;
    ids[`${name}.root`] = r.commentId;
    return r.threadId;
  };

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
    article = await makeArticle(prisma, {
      blocks: [{ kind: 'paragraph', text: `${WORDS} ${WORDS} ${WORDS} ${WORDS}` }],
    });
    author = await api.register();
    reader = await api.register();
    // a and b overlap; c starts where b ends; d is held, e rejected (neither visible to others);
    // f's opening comment was deleted but a reply keeps it visible.
    await seed('a', [0, 20], 60, { body: 'The **first** word &amp; the last' });
    await seedReply(prisma, { parentId: ids['a.root']!, authorId: author.userId });
    await seedReply(prisma, { parentId: ids['a.root']!, authorId: author.userId, status: 'HELD' });
    await seed('b', [10, 30], 50);
    await seed('c', [30, 40], 40);
    await seed('d', [45, 55], 30, { status: 'HELD' });
    await seed('e', [60, 70], 20, { status: 'REJECTED' });
    await seed('f', [75, 90], 10, { status: 'DELETED' });
    await prisma.comment.update({ where: { id: ids['f.root'] }, data: { replyCount: 1 } });
    await seedReply(prisma, { parentId: ids['f.root']!, authorId: reader.userId, body: 'Still here' });
    await seed('page', null, 5);
    await seed('orphan', [100, 110], 4);
    await prisma.thread.update({ where: { id: ids['orphan'] }, data: { anchorStatus: 'ORPHANED', anchorStart: null } });
  });
  afterAll(() => api.close());

  const map = async (token?: string) => {
    const res = await api.gql<{ article: { highlightMap: unknown[] } }>(MAP, { slug: article.slug }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.article.highlightMap;
  };

  it('merges overlapping passages and counts only what a reader may see', async () => {
    const expected = [
      { start: 0, end: 30, threadCount: 2, commentCount: 3 },
      { start: 30, end: 40, threadCount: 1, commentCount: 1 },
      // The deleted opening comment keeps its thread on the map but is not counted.
      { start: 75, end: 90, threadCount: 1, commentCount: 1 },
    ];
    expect(await map()).toEqual(expected);
    expect(await map(reader.token)).toEqual(expected);
  });

  it('counts the viewer’s own held and rejected comments for them alone, as the full read shows them', async () => {
    expect(await map(author.token)).toEqual([
      { start: 0, end: 30, threadCount: 2, commentCount: 4 },
      { start: 30, end: 40, threadCount: 1, commentCount: 1 },
      { start: 45, end: 55, threadCount: 1, commentCount: 1 },
      { start: 60, end: 70, threadCount: 1, commentCount: 1 },
      { start: 75, end: 90, threadCount: 1, commentCount: 1 },
    ]);
  });

  it('summarises the threads meeting a stretch of text, in text order', async () => {
    const res = await api.gql<SummaryPage>(SUMMARIES, { slug: article.slug, from: 25, to: 80 });
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.article.threadSummaries.nodes;
    expect(nodes.map((n) => n.id)).toEqual([ids['b'], ids['c'], ids['f']]);
    expect(nodes[0]).toMatchObject({
      start: 10,
      end: 30,
      exact: [...article.text].slice(10, 30).join(''),
      commentCount: 1,
      firstCommentId: ids['b.root'],
      excerpt: 'A thought in the margin',
    });
    expect(nodes[0]!.authorName).toEqual(expect.any(String));
    expect(nodes[2]).toMatchObject({ firstStatus: 'DELETED', excerpt: '', authorName: null, commentCount: 1 });
    const first = await api.gql<SummaryPage>(SUMMARIES, { slug: article.slug, from: 0, to: 5 });
    expect(first.data!.article.threadSummaries.nodes[0]).toMatchObject({
      id: ids['a'],
      commentCount: 2,
      excerpt: 'The first word & the last',
    });
  });

  it('shows held and rejected threads in summaries only to their author', async () => {
    const of = async (token?: string) =>
      (await api.gql<SummaryPage>(SUMMARIES, { slug: article.slug, from: 40, to: 72 }, token)).data!.article
        .threadSummaries.nodes;
    expect(await of(reader.token)).toEqual([]);
    expect((await of(author.token)).map((n) => n.id)).toEqual([ids['d'], ids['e']]);
  });

  it('pages summaries by keyset, unshaken by threads added meanwhile', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const res: Awaited<ReturnType<typeof api.gql<SummaryPage>>> = await api.gql<SummaryPage>(SUMMARIES, {
        slug: article.slug,
        from: 0,
        to: 200,
        first: 2,
        after,
      });
      expect(res.errors).toBeUndefined();
      const { nodes, pageInfo } = res.data!.article.threadSummaries;
      seen.push(...nodes.map((n) => n.id));
      if (i === 0) {
        // One thread lands before the page just read, one after it.
        await seed('before', [2, 6], 1);
        await seed('later', [50, 52], 1);
      }
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual([ids['a'], ids['b'], ids['c'], ids['later'], ids['f']]);
    await prisma.thread.deleteMany({ where: { id: { in: [ids['before']!, ids['later']!] } } });
  });

  it('refuses bad stretches and cursors with the field named', async () => {
    const codeOf = async (vars: Record<string, unknown>) =>
      (await api.gql(SUMMARIES, { slug: article.slug, from: 0, to: 10, ...vars })).errors?.[0]?.extensions;
    expect(await codeOf({ from: 10, to: 10 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(await codeOf({ from: -1 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    expect(await codeOf({ first: 201 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(await codeOf({ after: 'not-a-cursor' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('opens a whole thread by id as the viewer may see it', async () => {
    const a = await api.gql<{ thread: { id: string; comments: Array<{ status: string }> } }>(
      THREAD,
      { id: ids['a'] },
      reader.token,
    );
    expect(a.errors).toBeUndefined();
    expect(a.data!.thread.comments.map((c) => c.status)).toEqual(['PUBLISHED', 'PUBLISHED']);
    const own = await api.gql<{ thread: { comments: unknown[] } }>(THREAD, { id: ids['a'] }, author.token);
    expect(own.data!.thread.comments).toHaveLength(3);
    expect(errorCode(await api.gql(THREAD, { id: ids['d'] }, reader.token))).toBe('NOT_FOUND');
    expect((await api.gql(THREAD, { id: ids['d'] }, author.token)).errors).toBeUndefined();
    expect(errorCode(await api.gql(THREAD, { id: 'nope' }))).toBe('BAD_USER_INPUT');
  });

  it('reads every thread only up to a limit, and says null beyond it', async () => {
    const UP_TO = `query($slug: String!, $limit: Int!) { article(slug: $slug) { threadCount threadsUpTo(limit: $limit) { id } } }`;
    const read = async (limit: number) =>
      (
        await api.gql<{ article: { threadCount: number; threadsUpTo: Array<{ id: string }> | null } }>(UP_TO, {
          slug: article.slug,
          limit,
        })
      ).data!.article;
    const { threadCount } = await read(0);
    expect(threadCount).toBe(6); // a, b, c, f, the page-level one and the orphan
    expect((await read(threadCount)).threadsUpTo?.map((t) => t.id).sort()).toEqual(
      [ids['a'], ids['b'], ids['c'], ids['f'], ids['page'], ids['orphan']].sort(),
    );
    expect((await read(threadCount - 1)).threadsUpTo).toBeNull();
    const bad = await api.gql(UP_TO, { slug: article.slug, limit: -1 });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
  });

  it('keeps unpublished articles’ threads from readers', async () => {
    await prisma.article.update({ where: { id: article.id }, data: { state: 'UNPUBLISHED' } });
    try {
      expect(errorCode(await api.gql(THREAD, { id: ids['a'] }, reader.token))).toBe('NOT_FOUND');
    } finally {
      await prisma.article.update({ where: { id: article.id }, data: { state: 'PUBLISHED' } });
    }
  });
});
