import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { anno, newAnnotation } from '../support/web-annotations/anno-client.js';
import { TestApi } from '../support/api-client.js';
import { makeArticle } from '../support/factories.js';

/** Starts an API (with a public address of its own, if given) for the duration of `work`. */
async function withApi(publicUrl: string | undefined, work: (api: TestApi) => Promise<void>): Promise<void> {
  const api = await TestApi.start({ publicUrl });
  try {
    await work(api);
  } finally {
    await api.close();
  }
}

describe('the W3C annotation endpoint under abuse', () => {
  it('spends the comment budget before searching the article for a passage', async () => {
    await withApi(undefined, async (api) => {
      const prisma = api.app.get(PrismaService);
      const article = await makeArticle(prisma);
      const author = await api.register();
      const container = `/annotations/${article.slug}/`;
      const statuses: number[] = [];
      // Passages that are nowhere in the text: each one costs a fuzzy search of the whole article.
      for (let i = 0; i < 12; i++) {
        const missing = newAnnotation(api.url, article.slug, `Probe ${i}`, { exact: `no such passage ${i} anywhere` });
        statuses.push((await anno(api, 'POST', container, { token: author.token, body: missing })).status);
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
      expect(statuses.slice(10)).toEqual([429, 429]);
    });
  });

  it('builds IRIs and Location from PUBLIC_URL, never from forwarded or Host headers', async () => {
    await withApi('https://talk.example.org', async (api) => {
      const prisma = api.app.get(PrismaService);
      const article = await makeArticle(prisma);
      const author = await api.register();
      const poison = { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http', host: 'evil.example' };
      const created = await anno(api, 'POST', `/annotations/${article.slug}/`, {
        token: author.token,
        headers: poison,
        body: newAnnotation('https://talk.example.org', article.slug, 'Hello'),
      });
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toMatch(/^https:\/\/talk\.example\.org\/annotations\//);
      expect(created.json['id']).toMatch(/^https:\/\/talk\.example\.org\/annotations\//);
      const container = await anno(api, 'GET', `/annotations/${article.slug}/`, { headers: poison });
      expect(container.text).not.toContain('evil.example');
      expect(container.json['id']).toBe(`https://talk.example.org/annotations/${article.slug}/`);
    });
  });
});
