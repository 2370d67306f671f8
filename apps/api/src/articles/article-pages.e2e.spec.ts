import { randomUUID } from 'node:crypto';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { TestApi, errorCode } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { countStatements } from '../../test/support/statements.js';

interface Page {
  articles: {
    nodes: Array<{ id: string; title: string; commentCount: number }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const PAGE = `query($search: String, $orderBy: ArticleOrder, $first: Int, $after: String) {
  articles(search: $search, orderBy: $orderBy, first: $first, after: $after) {
    nodes { id title commentCount }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('article pages', () => {
  let api: TestApi;
  let prisma: PrismaService;
  /** Titles carry a tag so other files' articles stay out of the search. */
  const tag = `pages-${randomUUID().slice(0, 8)}`;
  /** Comment counts by title, created oldest first with distinct creation times. */
  const COUNTS = [3, 0, 7, 3, 1, 7, 0];
  const titles = COUNTS.map((_, i) => `${tag} article ${i}`);

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
    for (const [i, count] of COUNTS.entries()) {
      const article = await makeArticle(prisma, { title: titles[i] });
      await prisma.article.update({
        where: { id: article.id },
        data: { createdAt: new Date(Date.UTC(2024, 0, i + 1)) },
      });
      // Spread over threads, as the discussion counts are per thread.
      if (count > 0) await prisma.thread.create({ data: { articleId: article.id, commentCount: count - 1 || 1 } });
      if (count > 1) await prisma.thread.create({ data: { articleId: article.id, commentCount: 1 } });
    }
  });
  afterAll(async () => {
    await api.close();
  });

  async function all(orderBy: 'NEWEST' | 'MOST_DISCUSSED', first: number): Promise<Page['articles']['nodes']> {
    const seen: Page['articles']['nodes'] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const res: Awaited<ReturnType<typeof api.gql<Page>>> = await api.gql<Page>(PAGE, {
        search: tag,
        orderBy,
        first,
        after,
      });
      expect(res.errors).toBeUndefined();
      const page = res.data!.articles;
      expect(page.nodes.length).toBeLessThanOrEqual(first);
      seen.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) {
        expect(page.pageInfo.endCursor).toBeNull();
        return seen;
      }
      after = page.pageInfo.endCursor;
    }
    throw new Error('too many pages');
  }

  it('pages through the newest articles first, each once', async () => {
    const seen = await all('NEWEST', 2);
    expect(seen.map((a) => a.title)).toEqual([...titles].reverse());
  });

  it('orders the most discussed across pages in SQL: comment count, then newest', async () => {
    const seen = await all('MOST_DISCUSSED', 2);
    const expected = COUNTS.map((count, i) => ({ count, i }))
      .sort((a, b) => b.count - a.count || b.i - a.i)
      .map(({ i }) => titles[i]);
    expect(seen.map((a) => a.title)).toEqual(expected);
    expect(seen.map((a) => a.commentCount)).toEqual([...COUNTS].sort((a, b) => b - a));
  });

  it('reads a page of articles with their counts in one statement, in either order', async () => {
    for (const orderBy of ['NEWEST', 'MOST_DISCUSSED'] as const) {
      const first = await api.gql<Page>(PAGE, { search: tag, orderBy, first: 2 });
      const after = first.data!.articles.pageInfo.endCursor;
      expect(await countStatements(async () => void (await api.gql<Page>(PAGE, { search: tag, orderBy, after })))).toBe(
        1,
      );
    }
  });

  it('answers 20 articles by default and refuses pages past 50 or under 1, naming the argument', async () => {
    const res = await api.gql<Page>(PAGE, { search: tag });
    expect(res.data?.articles.nodes).toHaveLength(COUNTS.length);
    for (const first of [0, 51]) {
      const bad = await api.gql(PAGE, { first });
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0]?.extensions?.['field']).toBe('first');
    }
  });

  it('refuses a cursor that is not one, or was issued for the other order', async () => {
    const junk = await api.gql(PAGE, { after: 'not-a-cursor' });
    expect(errorCode(junk)).toBe('BAD_USER_INPUT');
    expect(junk.errors?.[0]?.extensions?.['field']).toBe('after');
    const newest = await api.gql<Page>(PAGE, { search: tag, first: 1 });
    const cursor = newest.data!.articles.pageInfo.endCursor;
    const other = await api.gql(PAGE, { search: tag, orderBy: 'MOST_DISCUSSED', after: cursor });
    expect(errorCode(other)).toBe('BAD_USER_INPUT');
    expect(other.errors?.[0]?.extensions?.['field']).toBe('after');
  });

  it("pages through an article's revisions, newest first", async () => {
    const article = await makeArticle(prisma, { title: `${tag} revised` });
    for (const version of [2, 3, 4]) {
      await prisma.articleRevision.create({
        data: {
          articleId: article.id,
          version,
          blocks: [{ kind: 'paragraph', text: `Version ${version}` }] as never,
          canonicalText: `Version ${version}`,
          contentHash: `hash-${version}-${article.id}`,
        },
      });
    }
    const query = `query($slug: String!, $after: String) {
      article(slug: $slug) { revisions(first: 3, after: $after) { nodes { version } pageInfo { hasNextPage endCursor } } }
    }`;
    type Revisions = {
      article: {
        revisions: { nodes: Array<{ version: number }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      };
    };
    const first = await api.gql<Revisions>(query, { slug: article.slug });
    expect(first.data?.article.revisions.nodes.map((r) => r.version)).toEqual([4, 3, 2]);
    expect(first.data?.article.revisions.pageInfo.hasNextPage).toBe(true);
    const second = await api.gql<Revisions>(query, {
      slug: article.slug,
      after: first.data!.article.revisions.pageInfo.endCursor,
    });
    expect(second.data?.article.revisions.nodes.map((r) => r.version)).toEqual([1]);
    expect(second.data?.article.revisions.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
    const tooMany = await api.gql(`{ article(slug: "${article.slug}") { revisions(first: 51) { nodes { id } } } }`);
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0]?.extensions?.['field']).toBe('first');
  });
});
