import { randomBytes } from 'node:crypto';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { errorCode, TestApi } from '../../../test/support/api-client.js';
import { makeArticle } from '../../../test/support/factories.js';
import { countStatements } from '../../../test/support/statements.js';
import { postComment, registerAs } from '../../../test/support/moderation/e2e-helpers.js';

const SEARCH = `query Search($query: String!, $status: CommentStatus, $articleId: ID, $authorId: ID, $author: String,
  $from: DateTime, $to: DateTime, $first: Int, $after: String) {
  searchComments(query: $query, status: $status, articleId: $articleId, authorId: $authorId, author: $author,
    from: $from, to: $to, first: $first, after: $after) {
    hits { item { id comment { status } author { handle email } } snippet { text match } }
    pageInfo { endCursor hasNextPage }
  }
}`;

interface SearchResult {
  searchComments: {
    hits: Array<{
      item: { id: string; comment: { status: string }; author: { handle: string; email: string | null } | null };
      snippet: Array<{ text: string; match: boolean }>;
    }>;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
}

describe('searching comments', () => {
  let api: TestApi;
  let prisma: PrismaService;
  let moderator: { token: string; userId: string };
  let admin: { token: string; userId: string };
  /** A word no other spec writes, so results are this file's. */
  const word = `quill${randomBytes(3).toString('hex')}`;
  let author: Awaited<ReturnType<TestApi['register']>>;
  let other: Awaited<ReturnType<TestApi['register']>>;
  let articleId = '';
  let otherArticleId = '';
  const ids: Record<string, string> = {};

  const search = (variables: Record<string, unknown>, token = moderator.token) =>
    api.gql<SearchResult>(SEARCH, { query: word, ...variables }, token);
  const hitIds = (res: { data?: SearchResult | null }) => res.data!.searchComments.hits.map((h) => h.item.id);

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
    moderator = await registerAs(api, prisma, 'MODERATOR');
    admin = await registerAs(api, prisma, 'ADMIN');
    author = await api.register();
    other = await api.register();
    articleId = (await makeArticle(prisma)).id;
    otherArticleId = (await makeArticle(prisma)).id;
    // Posted in order, a second apart in the database so the newest-first order is certain.
    const bodies: Array<[string, string, string, string]> = [
      ['edited', author.token, articleId, `The margins were edited by a careful ${word} reader.`],
      ['rivers', author.token, otherArticleId, `Rivers and ${word} mountains, nothing else.`],
      ['other', other.token, articleId, `Another reader writes about the ${word} too.`],
      ['unrelated', other.token, articleId, 'Nothing to find here at all.'],
    ];
    const start = Date.now() - 60_000;
    for (const [i, [key, token, article, body]] of bodies.entries()) {
      ids[key] = await postComment(api, token, article, body);
      await prisma.comment.update({ where: { id: ids[key] }, data: { createdAt: new Date(start + i * 1000) } });
    }
    await prisma.comment.update({ where: { id: ids['rivers']! }, data: { status: 'REJECTED' } });
  });
  afterAll(async () => {
    await api.close();
  });

  it('finds every matching comment whatever its status, newest first, with the matches marked', async () => {
    const res = await search({});
    expect(res.errors).toBeUndefined();
    expect(hitIds(res)).toEqual([ids['other'], ids['rivers'], ids['edited']]);
    const snippet = res.data!.searchComments.hits[2]!.snippet;
    expect(snippet.filter((p) => p.match).map((p) => p.text)).toEqual([word]);
    expect(snippet.map((p) => p.text).join('')).toBe(`margins were edited by a careful ${word} reader`);
  });

  it('stems words: "edits" finds "edited", and a phrase or an exclusion works web-search style', async () => {
    const stemmed = await api.gql<SearchResult>(SEARCH, { query: `edits ${word}` }, moderator.token);
    expect(hitIds(stemmed)).toEqual([ids['edited']]);
    expect(stemmed.data!.searchComments.hits[0]!.snippet.filter((p) => p.match).map((p) => p.text)).toEqual([
      'edited',
      word,
    ]);
    const phrase = await api.gql<SearchResult>(SEARCH, { query: `"rivers and ${word}"` }, moderator.token);
    expect(hitIds(phrase)).toEqual([ids['rivers']]);
    const excluded = await api.gql<SearchResult>(SEARCH, { query: `${word} -rivers -edited` }, moderator.token);
    expect(hitIds(excluded)).toEqual([ids['other']]);
  });

  it('filters by status, article, author id, handle, and time', async () => {
    expect(hitIds(await search({ status: 'REJECTED' }))).toEqual([ids['rivers']]);
    expect(hitIds(await search({ articleId }))).toEqual([ids['other'], ids['edited']]);
    expect(hitIds(await search({ authorId: author.userId }))).toEqual([ids['rivers'], ids['edited']]);
    expect(hitIds(await search({ author: `@${other.handle.toUpperCase()}` }))).toEqual([ids['other']]);
    expect(hitIds(await search({ author: 'nobody_by_this_handle' }))).toEqual([]);
    const second = await prisma.comment.findUniqueOrThrow({ where: { id: ids['rivers']! } });
    expect(hitIds(await search({ from: second.createdAt.toISOString() }))).toEqual([ids['other'], ids['rivers']]);
    expect(hitIds(await search({ to: second.createdAt.toISOString() }))).toEqual([ids['edited']]);
  });

  it('finds an author by email for admins only; moderators never see addresses', async () => {
    const byAdmin = await search({ author: author.email.toUpperCase() }, admin.token);
    expect(hitIds(byAdmin)).toEqual([ids['rivers'], ids['edited']]);
    expect(byAdmin.data!.searchComments.hits[0]!.item.author!.email).toBe(author.email);
    const byModerator = await search({ author: author.email });
    expect(hitIds(byModerator)).toEqual([]);
    const all = await search({});
    expect(all.data!.searchComments.hits.every((h) => h.item.author!.email === null)).toBe(true);
  });

  it('pages with a cursor without repeating or skipping a comment', async () => {
    const first = await search({ first: 2 });
    expect(hitIds(first)).toEqual([ids['other'], ids['rivers']]);
    expect(first.data!.searchComments.pageInfo.hasNextPage).toBe(true);
    const next = await search({ first: 2, after: first.data!.searchComments.pageInfo.endCursor });
    expect(hitIds(next)).toEqual([ids['edited']]);
    expect(next.data!.searchComments.pageInfo.hasNextPage).toBe(false);
  });

  it('answers a page in a constant number of statements, whatever its size', async () => {
    const countFor = (first: number): Promise<number> =>
      countStatements(async () => {
        expect(hitIds(await search({ first }))).toHaveLength(first);
      });
    const small = await countFor(1);
    const large = await countFor(3);
    expect(large).toBe(small);
    // viewer, the match with snippets, then the cards as the queue loads them
    expect(large).toBeLessThanOrEqual(16);
  });

  it('finds nothing for stop words alone, and names the field of a bad query', async () => {
    expect(hitIds(await api.gql<SearchResult>(SEARCH, { query: 'the and of' }, moderator.token))).toEqual([]);
    const blank = await api.gql(SEARCH, { query: '  ?! ' }, moderator.token);
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
    const long = await api.gql(SEARCH, { query: 'a'.repeat(201) }, moderator.token);
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
  });

  it('refuses readers and anonymous visitors', async () => {
    expect(errorCode(await search({}, author.token))).toBe('FORBIDDEN');
    const anonymous = await api.gql(SEARCH, { query: word });
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
  });
});
