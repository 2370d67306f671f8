import { PrismaService } from '../infra/prisma/prisma.service.js';
import { TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { anno, newAnnotation } from '../../test/support/web-annotations/anno-client.js';
import { annotationProblems } from '../../test/support/web-annotations/anno-validator.js';

const tag = (value: string): Record<string, string> => ({ type: 'TextualBody', value, purpose: 'tagging' });

describe('stances through the W3C Web Annotation endpoint', () => {
  let api: TestApi;
  let prisma: PrismaService;
  let article: { id: string; slug: string; text: string };
  let alice: { token: string; userId: string };
  let container: string;

  const stanceOf = async (iri: string): Promise<string | null> =>
    (await prisma.comment.findUniqueOrThrow({ where: { id: iri.split('/').at(-1)! } })).stance;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
    article = await makeArticle(prisma);
    alice = await api.register();
    container = `/annotations/${article.slug}/`;
  });
  afterAll(async () => {
    await api.close();
  });

  it('stores a stance posted as a second motivation, serves it back the same way, and changes it on PUT', async () => {
    const base = newAnnotation(api.url, article.slug, 'I doubt it', { exact: 'older than print' });
    const created = await anno(api, 'POST', container, {
      token: alice.token,
      body: { ...base, motivation: ['commenting', 'assessing'], body: [base['body'], tag('disagree')] },
    });
    expect(created.status).toBe(201);
    const iri = created.json['id'] as string;
    expect(await stanceOf(iri)).toBe('DISAGREE');
    expect(created.json['motivation']).toEqual(['commenting', 'assessing']);
    expect(created.json['body']).toEqual(expect.arrayContaining([expect.objectContaining(tag('disagree'))]));
    // The tag is not the comment's text.
    expect((created.json['body'] as Array<{ value: string }>)[0]!.value).toBe('I doubt it');
    expect(annotationProblems(created.json)).toEqual([]);
    await prisma.comment.update({ where: { id: iri.split('/').at(-1)! }, data: { status: 'PUBLISHED' } });

    const reply = await anno(api, 'POST', container, {
      token: alice.token,
      body: {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        motivation: ['replying', 'questioning'],
        body: { type: 'TextualBody', value: 'Which source?', format: 'text/markdown' },
        target: iri,
      },
    });
    expect(reply.status).toBe(201);
    expect(await stanceOf(reply.json['id'] as string)).toBe('QUESTION');
    expect(reply.json['motivation']).toEqual(['replying', 'questioning']);
    expect(reply.json['target']).toBe(iri);

    const path = new URL(iri).pathname;
    const current = await anno(api, 'GET', path, { token: alice.token });
    const evidence = { ...current.json, motivation: ['commenting', 'linking'], body: base['body'] };
    const put = await anno(api, 'PUT', path, {
      token: alice.token,
      body: evidence,
      headers: { 'if-match': current.headers.get('etag')! },
    });
    expect(put.status).toBe(200);
    expect(put.json['motivation']).toEqual(['commenting', 'linking']);
    expect(await stanceOf(iri)).toBe('EVIDENCE');

    // A PUT replaces the annotation: without a stance motivation the stance is gone.
    const plain = { ...put.json, motivation: 'commenting' };
    const cleared = await anno(api, 'PUT', path, {
      token: alice.token,
      body: plain,
      headers: { 'if-match': put.headers.get('etag')! },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.json['motivation']).toBe('commenting');
    expect(await stanceOf(iri)).toBeNull();
  });

  it('keeps every stance through an export and an import into another article', async () => {
    const source = await makeArticle(prisma);
    const admin = await api.register();
    await prisma.user.update({ where: { id: admin.userId }, data: { role: 'ADMIN' } });
    const stances = [
      { motivation: ['commenting', 'assessing'], tags: [tag('agree')], expected: 'AGREE' },
      { motivation: ['commenting', 'assessing'], tags: [tag('disagree')], expected: 'DISAGREE' },
      { motivation: ['commenting', 'questioning'], tags: [], expected: 'QUESTION' },
      { motivation: ['commenting', 'oa:linking'], tags: [], expected: 'EVIDENCE' },
      { motivation: 'commenting', tags: [], expected: null },
    ];
    for (const [i, s] of stances.entries()) {
      const base = newAnnotation(api.url, source.slug, `Note ${i}`);
      const res = await anno(api, 'POST', `/annotations/${source.slug}/`, {
        token: alice.token,
        body: { ...base, motivation: s.motivation, body: [base['body'], ...s.tags] },
      });
      expect(res.status).toBe(201);
    }
    await prisma.comment.updateMany({ where: { thread: { articleId: source.id } }, data: { status: 'PUBLISHED' } });
    const exported = await anno(api, 'GET', `/annotations/${source.slug}/export`);
    expect(exported.status).toBe(200);

    const target = await makeArticle(prisma);
    const imported = await anno(api, 'POST', `/annotations/${target.slug}/import`, {
      token: admin.token,
      body: exported.json,
    });
    expect(imported.status).toBe(200);
    const rows = await prisma.comment.findMany({
      where: { thread: { articleId: target.id } },
      select: { bodySource: true, stance: true },
    });
    expect(rows.map((r) => [r.bodySource, r.stance]).sort()).toEqual(
      stances.map((s, i) => [`Note ${i}`, s.expected]).sort(),
    );
  });
});
