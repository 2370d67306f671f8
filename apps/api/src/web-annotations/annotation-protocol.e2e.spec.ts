import { PrismaService } from '../infra/prisma/prisma.service.js';
import { TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { anno, newAnnotation } from '../../test/support/web-annotations/anno-client.js';
import {
  annotationProblems,
  containerProblems,
  pageProblems,
} from '../../test/support/web-annotations/anno-validator.js';

const MEDIA = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
const PREFER = (iri: string): Record<string, string> => ({ prefer: `return=representation; include="${iri}"` });

describe('W3C Web Annotation Protocol over HTTP', () => {
  let api: TestApi;
  let prisma: PrismaService;
  let article: { id: string; slug: string; text: string };
  let alice: { token: string; userId: string };
  let bob: { token: string; userId: string };
  let container: string;
  /** Alice's published anchored annotation. */
  let published: { id: string; path: string };

  const publish = (iri: string): Promise<unknown> =>
    prisma.comment.update({ where: { id: iri.split('/').at(-1)! }, data: { status: 'PUBLISHED' } });

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
    article = await makeArticle(prisma);
    [alice, bob] = await Promise.all([api.register(), api.register()]);
    container = `/annotations/${article.slug}/`;
    const created = await anno(api, 'POST', container, {
      token: alice.token,
      body: newAnnotation(api.url, article.slug, 'Margins **matter**.', { exact: 'older than print' }),
    });
    expect(created.status).toBe(201);
    await publish(created.json['id'] as string);
    published = { id: created.json['id'] as string, path: new URL(created.json['id'] as string).pathname };
  });
  afterAll(async () => {
    await api.close();
  });

  it('describes the container on OPTIONS with Allow, Accept-Post and the LDP type', async () => {
    const res = await anno(api, 'OPTIONS', container);
    expect(res.status).toBe(200);
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS, POST');
    expect(res.headers.get('accept-post')).toBe(MEDIA);
    expect(res.headers.get('link')).toContain('<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"');
    const one = await anno(api, 'OPTIONS', published.path);
    expect(one.headers.get('allow')).toBe('GET, HEAD, OPTIONS, PUT, DELETE');
  });

  it('serves an annotation with the protocol headers, a strong ETag and a valid model', async () => {
    const res = await anno(api, 'GET', published.path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(MEDIA);
    expect(res.headers.get('etag')).toMatch(/^"[^"]+"$/);
    expect(res.headers.get('vary')).toContain('Accept');
    expect(res.headers.get('allow')).toContain('PUT');
    expect(res.headers.get('link')).toContain('<http://www.w3.org/ns/ldp#Resource>; rel="type"');
    expect(res.headers.get('link')).toContain('<http://www.w3.org/ns/oa#Annotation>; rel="type"');
    expect(annotationProblems(res.json)).toEqual([]);
    const target = res.json['target'] as { source: string; selector: Array<Record<string, unknown>>; state: unknown };
    expect(target.source).toBe(`${api.url}/a/${article.slug}`);
    const start = [...article.text.slice(0, article.text.indexOf('older than print'))].length;
    expect(target.selector).toEqual([
      expect.objectContaining({ type: 'TextQuoteSelector', exact: 'older than print' }),
      { type: 'TextPositionSelector', start, end: start + 16 },
    ]);
    expect(target.state).toMatchObject({ type: 'TimeState' });
    expect(res.json['body']).toEqual([
      { type: 'TextualBody', value: 'Margins **matter**.', format: 'text/markdown' },
      { type: 'TextualBody', value: expect.stringContaining('<strong>matter</strong>'), format: 'text/html' },
    ]);
    expect(res.json['creator']).toEqual({ type: 'Person', name: expect.any(String), nickname: expect.any(String) });
    expect(JSON.stringify(res.json)).not.toContain('@example.test');
  });

  it('answers HEAD like GET without a body, and 304 to a matching If-None-Match', async () => {
    const get = await anno(api, 'GET', published.path);
    const head = await anno(api, 'HEAD', published.path);
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(head.headers.get('content-type')).toBe(MEDIA);
    const again = await anno(api, 'GET', published.path, { headers: { 'if-none-match': get.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('negotiates the media type: JSON when asked, 406 for what it cannot serve', async () => {
    const json = await anno(api, 'GET', published.path, { headers: { accept: 'application/json' } });
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    const ld = await anno(api, 'GET', published.path, { headers: { accept: `${MEDIA}, application/json;q=0.5` } });
    expect(ld.headers.get('content-type')).toBe(MEDIA);
    const html = await anno(api, 'GET', container, { headers: { accept: 'text/html' } });
    expect(html.status).toBe(406);
    expect(html.json).toMatchObject({ error: { code: 'NOT_ACCEPTABLE' } });
  });

  it('creates with POST: 401 without a token; 201 with Location, PENDING and seen only by its author', async () => {
    const body = newAnnotation(api.url, article.slug, 'A page-level remark');
    const anonymous = await anno(api, 'POST', container, { body });
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });

    const res = await anno(api, 'POST', container, { token: bob.token, body, headers: { slug: 'my-note' } });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(res.json['id']);
    expect(res.headers.get('etag')).toBeTruthy();
    expect(annotationProblems(res.json)).toEqual([]);
    expect(res.json['target']).toBe(`${api.url}/a/${article.slug}`);
    const id = (res.json['id'] as string).split('/').at(-1)!;
    expect(await prisma.comment.findUnique({ where: { id }, select: { status: true } })).toEqual({
      status: 'PENDING',
    });

    const path = new URL(res.json['id'] as string).pathname;
    expect((await anno(api, 'GET', path)).status).toBe(404);
    expect((await anno(api, 'GET', path, { token: alice.token })).status).toBe(404);
    expect((await anno(api, 'GET', path, { token: bob.token })).status).toBe(200);
    const ids = async (token?: string): Promise<string[]> => {
      // Contained IRIs: the container links to its first page, which lists them.
      const c = await anno(api, 'GET', container, {
        token,
        headers: PREFER('http://www.w3.org/ns/oa#PreferContainedIRIs'),
      });
      const first = c.json['first'] as string | undefined;
      if (!first) return [];
      const page = await anno(api, 'GET', new URL(first).pathname + new URL(first).search, { token });
      return page.json['items'] as string[];
    };
    expect(await ids()).not.toContain(res.json['id']);
    expect(await ids(bob.token)).toContain(res.json['id']);
  });

  it('creates replies that target their parent annotation, and refuses passages not in the text', async () => {
    const reply = await anno(api, 'POST', container, {
      token: bob.token,
      body: { type: 'Annotation', motivation: 'replying', bodyValue: 'Agreed.', target: published.id },
    });
    expect(reply.status).toBe(201);
    expect(reply.json).toMatchObject({ motivation: 'replying', target: published.id });
    expect(annotationProblems(reply.json)).toEqual([]);

    const missing = await anno(api, 'POST', container, {
      token: bob.token,
      body: newAnnotation(api.url, article.slug, 'Hmm', { exact: 'this sentence is nowhere in the article' }),
    });
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'annotation.target.selector' } });
    const plain = await fetch(`${api.url}${container}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bob.token}`, 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(plain.status).toBe(415);
  });

  it('updates with PUT only under a matching If-Match, and only for the author', async () => {
    const created = await anno(api, 'POST', container, {
      token: alice.token,
      body: newAnnotation(api.url, article.slug, 'First draft'),
    });
    const path = new URL(created.json['id'] as string).pathname;
    const etag = created.headers.get('etag')!;
    const edit = { ...created.json, body: { type: 'TextualBody', value: 'Second draft', format: 'text/markdown' } };

    expect((await anno(api, 'PUT', path, { body: edit })).status).toBe(401);
    const noPrecondition = await anno(api, 'PUT', path, { token: alice.token, body: edit });
    expect(noPrecondition.status).toBe(428);
    expect(noPrecondition.json).toMatchObject({ error: { code: 'PRECONDITION_REQUIRED' } });
    const stale = await anno(api, 'PUT', path, { token: alice.token, body: edit, headers: { 'if-match': '"stale"' } });
    expect(stale.status).toBe(412);

    // Bob can see Alice's published annotation, but it is not his to edit.
    await anno(api, 'PUT', published.path, { token: bob.token, body: edit }).then((r) => {
      expect(r.status).toBe(403);
      expect(r.json).toMatchObject({ error: { code: 'FORBIDDEN' } });
    });

    const ok = await anno(api, 'PUT', path, { token: alice.token, body: edit, headers: { 'if-match': etag } });
    expect(ok.status).toBe(200);
    expect((ok.json['body'] as Array<{ value: string }>)[0]!.value).toBe('Second draft');
    expect(ok.headers.get('etag')).not.toBe(etag);
    const again = await anno(api, 'PUT', path, { token: alice.token, body: edit, headers: { 'if-match': etag } });
    expect(again.status).toBe(412);
  });

  it('serves an annotation only under its own article, and refuses writes from suspended users', async () => {
    const other = await makeArticle(prisma);
    const id = published.path.split('/').at(-1)!;
    expect((await anno(api, 'GET', `/annotations/${other.slug}/${id}`)).status).toBe(404);
    expect((await anno(api, 'GET', `/annotations/${article.slug}/not-a-uuid`)).status).toBe(404);
    expect((await anno(api, 'GET', `/annotations/no-such-article/${id}`)).status).toBe(404);

    const suspended = await api.register();
    await prisma.user.update({ where: { id: suspended.userId }, data: { status: 'SUSPENDED' } });
    const res = await anno(api, 'POST', container, {
      token: suspended.token,
      body: newAnnotation(api.url, article.slug, 'Let me in'),
    });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('deletes for the author or staff only', async () => {
    const created = await anno(api, 'POST', container, {
      token: alice.token,
      body: newAnnotation(api.url, article.slug, 'Soon gone'),
    });
    await publish(created.json['id'] as string);
    const path = new URL(created.json['id'] as string).pathname;
    expect((await anno(api, 'DELETE', path, { token: bob.token })).status).toBe(403);
    const staff = await api.register();
    await prisma.user.update({ where: { id: staff.userId }, data: { role: 'MODERATOR' } });
    expect((await anno(api, 'DELETE', path, { token: staff.token, headers: { 'if-match': '"old"' } })).status).toBe(
      412,
    );
    expect((await anno(api, 'DELETE', path, { token: staff.token })).status).toBe(204);
    expect((await anno(api, 'GET', path)).status).toBe(404);
  });
});

describe('container paging and Prefer', () => {
  let api: TestApi;
  let prisma: PrismaService;
  let slug: string;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
    const article = await makeArticle(prisma);
    slug = article.slug;
    // Five published page-level threads, written directly: paging is about reading.
    for (let i = 0; i < 5; i++) {
      await prisma.thread.create({
        data: {
          articleId: article.id,
          commentCount: 1,
          comments: {
            create: {
              legacyAuthor: `Reader ${i}`,
              bodySource: `Note ${i}`,
              bodyHtml: `<p>Note ${i}</p>`,
              status: 'PUBLISHED',
            },
          },
        },
      });
    }
    // Held comments are never served to anyone but their author.
    await prisma.thread.create({
      data: {
        articleId: article.id,
        comments: { create: { legacyAuthor: 'Spammer', bodySource: 'Buy', bodyHtml: '<p>Buy</p>', status: 'HELD' } },
      },
    });
  });
  afterAll(async () => {
    await api.close();
  });

  it('serves the container with headers, first page embedded, and walks the pages by next/prev', async () => {
    const res = await anno(api, 'GET', `/annotations/${slug}/?limit=2`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(MEDIA);
    expect(res.headers.get('link')).toContain('<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"');
    expect(res.headers.get('accept-post')).toBe(MEDIA);
    expect(res.headers.get('vary')).toContain('Accept');
    expect(res.headers.get('etag')).toMatch(/^"/);
    expect(containerProblems(res.json)).toEqual([]);
    expect(res.json['total']).toBe(5);
    expect(res.json['last']).toBe(`${api.url}/annotations/${slug}/?page=2&iris=0&limit=2`);

    const seen: string[] = [];
    let next: string | undefined = `${api.url}/annotations/${slug}/?page=0&iris=0&limit=2`;
    let index = 0;
    while (next) {
      const page = await anno(api, 'GET', new URL(next).pathname + new URL(next).search);
      expect(page.status).toBe(200);
      expect(pageProblems(page.json)).toEqual([]);
      expect(page.json).toMatchObject({
        startIndex: index * 2,
        partOf: { id: `${api.url}/annotations/${slug}/`, total: 5 },
      });
      if (index > 0) expect(page.json['prev']).toBe(`${api.url}/annotations/${slug}/?page=${index - 1}&iris=0&limit=2`);
      else expect(page.json['prev']).toBeUndefined();
      seen.push(...(page.json['items'] as Array<{ body: Array<{ value: string }> }>).map((a) => a.body[0]!.value));
      next = page.json['next'] as string | undefined;
      index++;
    }
    expect(index).toBe(3);
    expect(seen.sort()).toEqual(['Note 0', 'Note 1', 'Note 2', 'Note 3', 'Note 4']);
    expect((await anno(api, 'GET', `/annotations/${slug}/?page=3&limit=2`)).status).toBe(404);
  });

  it('honours Prefer for the minimal container, contained IRIs and contained descriptions', async () => {
    const minimal = await anno(api, 'GET', `/annotations/${slug}/`, {
      headers: PREFER('http://www.w3.org/ns/ldp#PreferMinimalContainer'),
    });
    expect(minimal.headers.get('preference-applied')).toBe('return=representation');
    expect(typeof minimal.json['first']).toBe('string');
    expect(containerProblems(minimal.json)).toEqual([]);

    const iris = await anno(api, 'GET', `/annotations/${slug}/`, {
      headers: PREFER('http://www.w3.org/ns/oa#PreferContainedIRIs'),
    });
    expect(iris.headers.get('preference-applied')).toBe('return=representation');
    expect(iris.headers.get('etag')).not.toBe(minimal.headers.get('etag'));
    expect(containerProblems(iris.json)).toEqual([]);
    // Contained IRIs: first and last are the pages' IRIs, which a client follows page by page.
    const container = `${api.url}/annotations/${slug}/`;
    for (const [prefer, iri] of [
      [PREFER('http://www.w3.org/ns/oa#PreferContainedIRIs'), '1'],
      [PREFER('http://www.w3.org/ns/ldp#PreferMinimalContainer'), '0'],
    ] as const) {
      const start = await anno(api, 'GET', `/annotations/${slug}/?limit=2`, { headers: prefer });
      expect(start.headers.get('content-location')).toBe(container);
      expect(start.json['first']).toBe(`${container}?page=0&iris=${iri}&limit=2`);
      expect(start.json['last']).toBe(`${container}?page=2&iris=${iri}&limit=2`);
      const items: unknown[] = [];
      let next: string | undefined = start.json['first'] as string;
      let previous: string | undefined;
      while (next) {
        const page = await anno(api, 'GET', new URL(next).pathname + new URL(next).search);
        expect(page.status).toBe(200);
        expect(pageProblems(page.json)).toEqual([]);
        expect(page.json['id']).toBe(next);
        expect(page.json['partOf']).toMatchObject({ id: container, total: 5 });
        expect(page.json['prev']).toBe(previous);
        items.push(...(page.json['items'] as unknown[]));
        previous = next;
        next = page.json['next'] as string | undefined;
      }
      expect(previous).toBe(start.json['last']);
      expect(items).toHaveLength(5);
      expect(items.every((i) => (iri === '1' ? typeof i === 'string' : typeof i === 'object'))).toBe(true);
    }

    const full = await anno(api, 'GET', `/annotations/${slug}/`, {
      headers: PREFER('http://www.w3.org/ns/oa#PreferContainedDescriptions'),
    });
    expect((full.json['first'] as { items: Array<{ type: string }> }).items.every((i) => i.type === 'Annotation')).toBe(
      true,
    );
    expect(full.headers.get('content-location')).toBe(`${api.url}/annotations/${slug}/`);
    expect(JSON.stringify(full.json)).not.toContain('Buy');
    expect(containerProblems(full.json)).toEqual([]);
  });

  it('exports every annotation in one collection', async () => {
    const res = await anno(api, 'GET', `/annotations/${slug}/export`);
    expect(res.status).toBe(200);
    expect(containerProblems(res.json)).toEqual([]);
    expect(res.json['first']).toMatchObject({ id: `${api.url}/annotations/${slug}/export`, startIndex: 0 });
    expect((res.json['first'] as { items: unknown[] }).items).toHaveLength(5);
  });

  it('changes the container ETag when its content changes', async () => {
    const before = (await anno(api, 'HEAD', `/annotations/${slug}/`)).headers.get('etag');
    const comment = await prisma.comment.findFirst({ where: { thread: { article: { slug } }, status: 'PUBLISHED' } });
    await prisma.comment.update({
      where: { id: comment!.id },
      data: { bodySource: 'Changed', bodyHtml: '<p>Changed</p>' },
    });
    const after = (await anno(api, 'HEAD', `/annotations/${slug}/`)).headers.get('etag');
    expect(after).not.toBe(before);
  });
});
