import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { PrismaService } from '../prisma/prisma.service.js';
import { TestApi } from '../../../test/support/api-client.js';
import { makeArticle } from '../../../test/support/factories.js';

interface RawAnswer {
  encoding: string | undefined;
  vary: string | undefined;
  body: Buffer;
}

/** POSTs a GraphQL document and keeps the answer's bytes as sent (fetch would decode them). */
function post(url: string, query: string, variables: object, acceptEncoding: string): Promise<RawAnswer> {
  const payload = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/graphql`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-encoding': acceptEncoding },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            encoding: res.headers['content-encoding'],
            vary: res.headers['vary'],
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const ARTICLE = `query($slug: String!) { article(slug: $slug) { revision { text } } }`;

describe('compressed answers', () => {
  let api: TestApi;
  let slug: string;

  beforeAll(async () => {
    api = await TestApi.start();
    const text = Array.from({ length: 400 }, (_, i) => `Sentence ${i} of a long article about margins.`).join(' ');
    slug = (await makeArticle(api.app.get(PrismaService), { blocks: [{ kind: 'paragraph', text }] })).slug;
  });
  afterAll(() => api.close());

  it('compresses a large GraphQL answer with brotli, or gzip when that is all the client takes', async () => {
    const br = await post(api.url, ARTICLE, { slug }, 'gzip, deflate, br');
    expect(br.encoding).toBe('br');
    expect(br.vary).toMatch(/accept-encoding/i);
    const decoded = JSON.parse(brotliDecompressSync(br.body).toString('utf8')) as {
      data: { article: { revision: { text: string } } };
    };
    expect(decoded.data.article.revision.text).toContain('Sentence 399');
    expect(br.body.length).toBeLessThan(Buffer.byteLength(JSON.stringify(decoded)) / 4);

    const gzip = await post(api.url, ARTICLE, { slug }, 'gzip');
    expect(gzip.encoding).toBe('gzip');
    expect(gunzipSync(gzip.body).toString('utf8')).toContain('Sentence 399');
  });

  it('leaves small answers, and clients that take no encoding, alone', async () => {
    const tiny = await post(api.url, '{ __typename }', {}, 'gzip, br');
    expect(tiny.encoding).toBeUndefined();
    expect(JSON.parse(tiny.body.toString('utf8'))).toEqual({ data: { __typename: 'Query' } });
    const identity = await post(api.url, ARTICLE, { slug }, 'identity');
    expect(identity.encoding).toBeUndefined();
    expect(identity.body.toString('utf8')).toContain('Sentence 399');
  });
});
