import { TestApi, errorCode } from '../support/api-client.js';

/** Every article with every thread and every comment: the shape an unbounded read takes. */
const DISCUSSIONS = 'nodes { threads { comments { bodyHtml } } }';

describe('query cost', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api.close();
  });

  it('refuses 20 aliases of the articles with their discussions, with a coded 400', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: articles { ${DISCUSSIONS} }`).join(' ');
    const result = await api.gql(`{ ${aliases} }`);
    expect(result.status).toBe(400);
    expect(errorCode(result)).toBe('QUERY_TOO_COMPLEX');
    expect(result.errors?.[0]?.message).toMatch(/cost of \d+ exceeds the limit of \d+/);
    expect(result.errors?.[0]?.extensions).toMatchObject({ cost: expect.any(Number), limit: expect.any(Number) });
    expect(result.data ?? null).toBeNull();
  });

  it('counts the page size a variable asks for, also once the document is cached and compiled', async () => {
    const document = `query Discussions($n: Int!) { articles(first: $n) { ${DISCUSSIONS} } }`;
    // Three runs: the first validates and caches the document, the next compile it (jit).
    for (let run = 0; run < 3; run++) {
      const small = await api.gql(document, { n: 5 });
      expect(small.errors).toBeUndefined();
    }
    const large = await api.gql(document, { n: 50 });
    expect(large.status).toBe(400);
    expect(errorCode(large)).toBe('QUERY_TOO_COMPLEX');
  });

  it('does not keep a cost it could not compute: variables that do not coerce are no way around it', async () => {
    const document = `query Searched($n: Int!, $s: String) { articles(first: $n, search: $s) { ${DISCUSSIONS} } }`;
    const bad = await api.gql(document, { n: 50, s: 12 });
    expect(errorCode(bad)).not.toBe('QUERY_TOO_COMPLEX');
    expect(bad.data ?? null).toBeNull();
    expect(errorCode(await api.gql(document, { n: 50, s: 'x' }))).toBe('QUERY_TOO_COMPLEX');
  });

  it('counts list sizes: a revision page costs its page size times its selection', async () => {
    const small = await api.gql('{ articles(first: 1) { nodes { revisions(first: 1) { nodes { text } } } } }');
    expect(small.errors).toBeUndefined();
    const large = await api.gql(
      '{ articles(first: 50) { nodes { revisions(first: 50) { nodes { blocks { kind text start end } } } } } }',
    );
    expect(errorCode(large)).toBe('QUERY_TOO_COMPLEX');
  });
});
