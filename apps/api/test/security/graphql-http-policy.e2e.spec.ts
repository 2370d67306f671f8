/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { TestApi } from '../support/api-client.js';
import { makeArticle } from '../support/factories.js';
import { launchChromium } from './browser.js';

interface GqlBody {
  data?: unknown;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** A page on another loopback origin (localhost vs 127.0.0.1), allowed by CORS_ORIGINS. */
function startOtherOrigin(): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>other origin</title>');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('GraphQL over HTTP: media types and CORS', () => {
  let api: TestApi;
  let prisma: PrismaService;
  let other: Server;
  let otherOrigin: string;
  const saved = process.env['CORS_ORIGINS'];

  beforeAll(async () => {
    other = await startOtherOrigin();
    otherOrigin = `http://localhost:${(other.address() as AddressInfo).port}`;
    process.env['CORS_ORIGINS'] = otherOrigin;
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env['CORS_ORIGINS'];
    else process.env['CORS_ORIGINS'] = saved;
    await api?.close();
    await new Promise((resolve) => other?.close(resolve));
  });

  const register = (handle: string): string =>
    `mutation { register(input: { email: "${handle}@example.test", handle: "${handle}", password: "correct horse battery", displayName: "X" }) { user { id } } }`;

  async function post(
    contentType: string | undefined,
    body: string | Blob,
  ): Promise<{ status: number; json: GqlBody }> {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: contentType ? { 'content-type': contentType } : {},
      body,
    });
    return { status: res.status, json: (await res.json()) as GqlBody };
  }

  it.each([
    ['application/x-www-form-urlencoded', (q: string) => `query=${encodeURIComponent(q)}`],
    ['text/plain', (q: string) => JSON.stringify({ query: q })],
    ['text/plain;charset=UTF-8', (q: string) => JSON.stringify({ query: q })],
    [
      'multipart/form-data; boundary=xyz',
      (q: string) => `--xyz\r\nContent-Disposition: form-data; name="query"\r\n\r\n${q}\r\n--xyz--\r\n`,
    ],
    ['application/graphql', (q: string) => q],
    ['application/graphql+json', (q: string) => JSON.stringify({ query: q })],
  ])('refuses a mutation posted as %s with 415 and does not run it', async (type, encode) => {
    const handle = `csrf_${Math.random().toString(36).slice(2, 10)}`;
    const res = await post(type, encode(register(handle)));
    expect(res.status).toBe(415);
    expect(res.json).toEqual({
      data: null,
      errors: [
        {
          message: expect.stringContaining('takes application/json'),
          extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', field: 'content-type' },
        },
      ],
    });
    expect(await prisma.user.count({ where: { handle } })).toBe(0);
  });

  it('refuses a POST without a Content-Type', async () => {
    // A typeless Blob: fetch would label a string body text/plain.
    const res = await post(undefined, new Blob([JSON.stringify({ query: '{ __typename }' })]));
    expect(res.status).toBe(415);
    expect(res.json.errors?.[0]?.message).toContain('no Content-Type');
  });

  it('runs JSON posts, whatever the parameters and case of the media type', async () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON']) {
      const res = await post(type, JSON.stringify({ query: '{ __typename }' }));
      expect([type, res.status, res.json]).toEqual([type, 200, { data: { __typename: 'Query' } }]);
    }
  });

  it('runs queries over GET and refuses mutations over GET without running them', async () => {
    const query = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(query.status).toBe(200);
    expect(await query.json()).toEqual({ data: { __typename: 'Query' } });

    const handle = `get_${Math.random().toString(36).slice(2, 10)}`;
    const mutation = await fetch(`${api.url}/graphql?query=${encodeURIComponent(register(handle))}`);
    expect(mutation.status).toBe(405);
    const body = (await mutation.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]!.message).toContain('GET');
    // A document with a query and a mutation: naming the mutation is refused the same way.
    const both = `query Q { __typename } ${register(handle).replace('mutation', 'mutation M')}`;
    const named = await fetch(`${api.url}/graphql?operationName=M&query=${encodeURIComponent(both)}`);
    expect(named.status).toBe(405);
    // Without a name, or with an unknown one, the operation is ambiguous: a client error, nothing runs.
    for (const search of [
      `?query=${encodeURIComponent(both)}`,
      `?operationName=Nope&query=${encodeURIComponent(both)}`,
    ]) {
      const res = await fetch(`${api.url}/graphql${search}`);
      expect([search, res.status]).toEqual([search, 400]);
      expect(await res.json()).toMatchObject({
        data: null,
        errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'operationName' } }],
      });
    }
    expect(await prisma.user.count({ where: { handle } })).toBe(0);
  });

  describe('in a browser on an allowed origin', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('reads the annotation protocol headers of a cross-origin response', async () => {
      const article = await makeArticle(prisma);
      const page = await browser.newPage();
      await page.goto(otherOrigin);
      const seen = await page.evaluate(async (url: string) => {
        const res = await fetch(url, { headers: { accept: 'application/ld+json' } });
        const names = ['etag', 'link', 'allow', 'vary', 'accept-post', 'access-control-expose-headers'];
        return { status: res.status, headers: Object.fromEntries(names.map((n) => [n, res.headers.get(n)])) };
      }, `${api.url}/annotations/${article.slug}`);
      expect(seen.status).toBe(200);
      expect(seen.headers['etag']).toMatch(/^"[^"]+"$/);
      expect(seen.headers['link']).toContain('ldp#BasicContainer');
      expect(seen.headers['allow']).toContain('POST');
      expect(seen.headers['vary']).toContain('Accept');
      expect(seen.headers['accept-post']).toContain('application/ld+json');
      await page.close();
    });

    it('lets the page post JSON GraphQL after a preflight, and sends no CORS grant to other origins', async () => {
      const page = await browser.newPage();
      await page.goto(otherOrigin);
      const data = await page.evaluate(async (url: string) => {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        return res.json();
      }, `${api.url}/graphql`);
      expect(data).toEqual({ data: { __typename: 'Query' } });
      await page.close();

      const stranger = await fetch(`${api.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin: 'http://evil.test', 'access-control-request-method': 'POST' },
      });
      expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
      const allowed = await fetch(`${api.url}/health`, { headers: { origin: otherOrigin } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe(otherOrigin);
      expect(allowed.headers.get('access-control-expose-headers')).toContain('ETag');
    });
  });
});
