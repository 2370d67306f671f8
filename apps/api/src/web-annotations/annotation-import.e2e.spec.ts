import { PrismaService } from '../infra/prisma/prisma.service.js';
import { TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { anno, newAnnotation } from '../../test/support/web-annotations/anno-client.js';
import { containerProblems } from '../../test/support/web-annotations/anno-validator.js';

interface Exported {
  id: string;
  motivation: string;
  created: string;
  creator?: { name: string };
  body: Array<{ value: string; format: string }>;
  target: string | { source: string; selector?: Array<Record<string, unknown>> };
}

const itemsOf = (json: Record<string, unknown>): Exported[] => (json['first'] as { items: Exported[] }).items;

/** What must survive a round trip: bodies, creators, dates, passages, and who replies to whom. */
function comparable(items: Exported[]): unknown[] {
  const position = new Map(items.map((a, i) => [a.id, i]));
  return items.map((a) => ({
    motivation: a.motivation,
    created: a.created,
    creator: a.creator?.name,
    markdown: a.body[0]!.value,
    target:
      typeof a.target === 'string'
        ? (position.get(a.target) ?? 'page')
        : (a.target.selector?.map((s) => ({ ...s, prefix: undefined, suffix: undefined })) ?? 'page'),
  }));
}

describe('JSON-LD export and import of a discussion', () => {
  let api: TestApi;
  let prisma: PrismaService;
  let admin: { token: string };
  let reader: { token: string; userId: string };

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
    const [a, r] = await Promise.all([api.register(), api.register()]);
    await prisma.user.update({ where: { id: a.userId }, data: { role: 'ADMIN' } });
    admin = a;
    reader = r;
  });
  afterAll(async () => {
    await api.close();
  });

  it('refuses imports from anyone but an admin, with JSON errors', async () => {
    const article = await makeArticle(prisma);
    const body = { type: 'AnnotationCollection', items: [] };
    const anonymous = await anno(api, 'POST', `/annotations/${article.slug}/import`, { body });
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    const notAdmin = await anno(api, 'POST', `/annotations/${article.slug}/import`, { body, token: reader.token });
    expect(notAdmin.status).toBe(403);
    expect(notAdmin.json).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('round-trips an export into another article, once however often it is imported', async () => {
    const source = await makeArticle(prisma);
    const target = await makeArticle(prisma);
    const post = async (body: Record<string, unknown>): Promise<string> => {
      const res = await anno(api, 'POST', `/annotations/${source.slug}/`, { token: reader.token, body });
      expect(res.status).toBe(201);
      const id = res.json['id'] as string;
      await prisma.comment.update({ where: { id: id.split('/').at(-1)! }, data: { status: 'PUBLISHED' } });
      return id;
    };
    const root = await post(newAnnotation(api.url, source.slug, 'On *print*.', { exact: 'older than print' }));
    await post({ type: 'Annotation', motivation: 'replying', bodyValue: 'Indeed.', target: root });
    await post(newAnnotation(api.url, source.slug, 'About the whole piece.'));
    // Still pending: not exported.
    await anno(api, 'POST', `/annotations/${source.slug}/`, {
      token: reader.token,
      body: newAnnotation(api.url, source.slug, 'Unmoderated'),
    });

    const exported = await anno(api, 'GET', `/annotations/${source.slug}/export`);
    expect(containerProblems(exported.json)).toEqual([]);
    expect(itemsOf(exported.json)).toHaveLength(3);

    const first = await anno(api, 'POST', `/annotations/${target.slug}/import`, {
      token: admin.token,
      body: exported.json,
    });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ received: 3, created: 3, skipped: 0, anchored: 1, pageLevel: 1, replies: 1 });
    const again = await anno(api, 'POST', `/annotations/${target.slug}/import`, {
      token: admin.token,
      body: exported.json,
    });
    expect(again.json).toMatchObject({ created: 0, skipped: 3 });

    const imported = await anno(api, 'GET', `/annotations/${target.slug}/export`);
    expect(comparable(itemsOf(imported.json))).toEqual(comparable(itemsOf(exported.json)));
    const rows = await prisma.comment.findMany({ where: { thread: { articleId: target.id } } });
    expect(rows).toHaveLength(3);
    expect(rows.every((c) => c.status === 'PUBLISHED' && c.authorId === null && c.legacyAuthor)).toBe(true);
  });

  it('imports a Hypothesis export in the W3C shape, anchoring on the current text and keeping orphans', async () => {
    const article = await makeArticle(prisma);
    const hypothesis = [
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        id: 'https://hypothes.is/a/AAA',
        created: '2020-01-02T03:04:05.000000+00:00',
        creator: 'acct:alice@hypothes.is',
        body: [{ type: 'TextualBody', value: 'Nice line', format: 'text/markdown' }],
        target: [
          {
            source: 'https://blog.example/margins',
            selector: [
              { type: 'RangeSelector', startSelector: { type: 'XPathSelector', value: '/p[1]' } },
              { type: 'TextPositionSelector', start: 3, end: 19 },
              { type: 'TextQuoteSelector', exact: 'older than print', prefix: 'The habit is ', suffix: '.' },
            ],
          },
        ],
      },
      {
        type: 'Annotation',
        id: 'https://hypothes.is/a/BBB',
        creator: 'acct:bob@hypothes.is',
        body: [{ type: 'TextualBody', value: 'Where did this go?', format: 'text/markdown' }],
        target: [
          {
            source: 'https://blog.example/margins',
            selector: [{ type: 'TextQuoteSelector', exact: 'a paragraph since removed entirely' }],
          },
        ],
      },
      {
        type: 'Annotation',
        id: 'https://hypothes.is/a/CCC',
        motivation: 'replying',
        creator: 'acct:carol@hypothes.is',
        body: [{ type: 'TextualBody', value: 'Agreed', format: 'text/markdown' }],
        target: 'https://hypothes.is/a/AAA',
      },
    ];
    const res = await anno(api, 'POST', `/annotations/${article.slug}/import`, {
      token: admin.token,
      body: hypothesis,
    });
    expect(res.json).toMatchObject({
      created: 3,
      anchored: 1,
      pageLevel: 1,
      replies: 1,
      orphaned: [{ id: 'https://hypothes.is/a/BBB', quote: 'a paragraph since removed entirely' }],
    });

    const items = itemsOf((await anno(api, 'GET', `/annotations/${article.slug}/export`)).json);
    const start = [...article.text.slice(0, article.text.indexOf('older than print'))].length;
    const anchored = items.find((a) => a.creator?.name === 'alice')!;
    expect(anchored.created).toBe('2020-01-02T03:04:05.000Z');
    expect(typeof anchored.target !== 'string' && anchored.target.selector?.[1]).toEqual({
      type: 'TextPositionSelector',
      start,
      end: start + 16,
    });
    const orphan = items.find((a) => a.creator?.name === 'bob')!;
    expect(orphan.target).toBe(`${api.url}/a/${article.slug}`);
    expect(orphan.body[0]!.value).toBe('> a paragraph since removed entirely\n\nWhere did this go?');
    const reply = items.find((a) => a.creator?.name === 'carol')!;
    expect(reply).toMatchObject({ motivation: 'replying', target: anchored.id });
  });

  it('imports replies expressed by oa:replying targets and by Hypothesis references', async () => {
    const article = await makeArticle(prisma);
    const root = {
      type: 'Annotation',
      id: 'urn:example:root',
      creator: { type: 'Person', name: 'Dana' },
      body: { type: 'TextualBody', value: 'A root note', format: 'text/plain' },
      target: 'https://blog.example/page',
    };
    const collection = [
      root,
      {
        type: 'Annotation',
        id: 'urn:example:prefixed',
        motivation: 'oa:replying',
        creator: { name: 'Eli' },
        bodyValue: 'Prefixed reply',
        target: [{ type: 'oa:Annotation', id: 'urn:example:root' }, 'https://blog.example/page'],
      },
      {
        type: 'Annotation',
        id: 'urn:example:expanded',
        motivation: 'http://www.w3.org/ns/oa#replying',
        creator: { name: 'Fay' },
        bodyValue: 'Reply to the reply',
        target: { type: 'SpecificResource', source: 'urn:example:prefixed' },
      },
      {
        type: 'Annotation',
        id: 'urn:example:hypothesis',
        creator: 'acct:gus@hypothes.is',
        bodyValue: 'Hypothesis-style reply',
        references: ['urn:example:root', 'urn:example:expanded'],
        target: [{ source: 'https://blog.example/page' }],
      },
    ];
    const res = await anno(api, 'POST', `/annotations/${article.slug}/import`, {
      token: admin.token,
      body: collection,
    });
    expect(res.json).toMatchObject({ created: 4, replies: 3, unresolved: [] });
    const comments = await prisma.comment.findMany({ where: { thread: { articleId: article.id } } });
    const byAuthor = new Map(comments.map((c) => [c.legacyAuthor, c]));
    expect(byAuthor.get('Dana')!.parentId).toBeNull();
    expect(byAuthor.get('Eli')!.parentId).toBe(byAuthor.get('Dana')!.id);
    expect(byAuthor.get('Fay')!.parentId).toBe(byAuthor.get('Eli')!.id);
    expect(byAuthor.get('gus')!.parentId).toBe(byAuthor.get('Fay')!.id);
    expect(new Set(comments.map((c) => c.threadId)).size).toBe(1);
  });
});
