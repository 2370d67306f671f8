import { PrismaService } from '../infra/prisma/prisma.service.js';
import { TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';

describe('reading articles over HTTP', () => {
  let api: TestApi;
  let prisma: PrismaService;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
  });
  afterAll(async () => {
    await api.close();
  });

  it('registers, logs in and lists articles with their current revision', async () => {
    const article = await makeArticle(prisma, { title: 'Marginal gains in reading' });
    const user = await api.register();
    const login = await api.gql<{ login: { accessToken: string } }>(
      'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
      { input: { email: user.email, password: user.password } },
    );
    const token = login.data!.login.accessToken;
    const list = await api.gql<{ articles: { nodes: Array<{ slug: string; title: string; threadCount: number }> } }>(
      '{ articles(search: "marginal gains") { nodes { slug title threadCount } } }',
      {},
      token,
    );
    expect(list.data?.articles.nodes).toEqual([
      { slug: article.slug, title: 'Marginal gains in reading', threadCount: 0 },
    ]);
    const one = await api.gql<{
      article: {
        revision: { version: number; text: string; blocks: Array<{ kind: string; start: number; end: number }> };
      };
    }>('query($slug: String!) { article(slug: $slug) { revision { version text blocks { kind start end } } } }', {
      slug: article.slug,
    });
    const revision = one.data!.article.revision;
    expect(revision.version).toBe(1);
    expect(revision.text).toBe(article.text);
    expect(revision.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'paragraph']);
    // Blocks are separated by two characters in the canonical text.
    expect(revision.blocks[1]!.start).toBe(revision.blocks[0]!.end + 2);
  });

  it('answers null for an unknown slug', async () => {
    const res = await api.gql('{ article(slug: "no-such-article") { id } }');
    expect(res.data).toEqual({ article: null });
  });

  it('reports health of PostgreSQL and Redis', async () => {
    const res = await fetch(`${api.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      info: { postgres: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('rejects documents that are too deep or use too many aliases, without running them', async () => {
    const deep = await api.gql(
      '{ articles { nodes { revision { blocks { kind } } } } ' + 'a: articles { nodes { slug } } '.repeat(30) + '}',
    );
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('hides admin operations from readers', async () => {
    const user = await api.register();
    const res = await api.gql('{ importJobs { id } }', {}, user.token);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
