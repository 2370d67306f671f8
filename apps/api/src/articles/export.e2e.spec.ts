import type { INestApplicationContext } from '@nestjs/common';
import { canonicalize, describeAnchor, type Block, type Bundle } from '@marginalia/content';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { anchoredThreadData } from '../comments/anchor-data.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { adminToken, importAndWait, SEED_DIR } from '../../test/support/imports/import-client.js';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { startWorker } from '../../test/support/worker.js';

const EXPORT = 'query($id: ID!) { exportArticle(id: $id) }';

describe('exporting an article as a bundle', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;
  let token: string;

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startWorker();
    prisma = api.app.get(PrismaService);
    token = await adminToken(api);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  async function exported(id: string): Promise<Bundle> {
    const res = await api.gql<{ exportArticle: string }>(EXPORT, { id }, token);
    expect(res.errors).toBeUndefined();
    return JSON.parse(res.data!.exportArticle) as Bundle;
  }

  it('round-trips: export, import as a new slug, export again gives the same bundle', async () => {
    const text = readFileSync(path.join(SEED_DIR, '001_2d1773f78bfeacc0.txt'), 'utf8');
    const source = await importAndWait(api, token, { text, slug: 'export-source' });
    const articleId = source.articleId!;

    // Native discussion next to the legacy one: a reader's anchored thread with a reply to it,
    // a reader's reply to legacy #4, and a held comment (not published) whose reply is published.
    const reader = await api.register({ displayName: 'Rae Reader' });
    const revision = await prisma.articleRevision.findFirstOrThrow({ where: { articleId } });
    const at = [...revision.canonicalText].join('').indexOf('the Trump administration and Congress');
    const start = [...revision.canonicalText.slice(0, at)].length;
    const anchor = describeAnchor(
      revision.canonicalText,
      start,
      start + 'the Trump administration and Congress'.length,
    );
    const thread = await prisma.thread.create({
      data: {
        articleId,
        commentCount: 2,
        ...anchoredThreadData({
          revisionId: revision.id,
          position: { start: anchor.start, end: anchor.end },
          quote: { exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix },
        }),
      },
    });
    const native = (
      body: string,
      over: { threadId: string; parentId?: string; status?: 'PUBLISHED' | 'HELD'; id?: string },
    ) =>
      prisma.comment.create({
        data: {
          ...(over.id ? { id: over.id } : {}),
          threadId: over.threadId,
          parentId: over.parentId ?? null,
          authorId: reader.userId,
          bodySource: body,
          bodyHtml: `<p>${body}</p>`,
          status: over.status ?? 'PUBLISHED',
          createdAt: new Date('2024-03-01T12:00:00Z'),
        },
      });
    // Posting times tie, so ids break the tie: give the reply the smaller one, the order a
    // full-suite run once drew, where the reply sorted (and was numbered) before its parent.
    const opener = await native('Which Congress, exactly?', {
      threadId: thread.id,
      id: 'ffffffff-0000-4000-8000-000000000001',
    });
    await native('The one that passed the sanctions.', {
      threadId: thread.id,
      parentId: opener.id,
      id: '00000000-0000-4000-8000-000000000001',
    });
    const four = await prisma.comment.findFirstOrThrow({ where: { thread: { articleId }, legacyNumber: 4 } });
    const held = await native('A held reply to #4.', { threadId: four.threadId, parentId: four.id, status: 'HELD' });
    await native('A published reply to the held one.', { threadId: four.threadId, parentId: held.id });

    const bundle = await exported(articleId);
    expect(bundle).toMatchObject({
      format: 'marginalia.bundle',
      version: 1,
      article: {
        slug: 'export-source',
        title: 'Is Rapprochement with Russia Still Possible?',
        author: 'Daniel Larison',
        siteName: 'The American Conservative',
      },
    });
    expect(canonicalize(bundle.article.blocks as Block[]).text).toBe(revision.canonicalText);
    // 19 legacy comments keep their numbers; the 3 published native ones follow; the held one is left out.
    expect(bundle.comments.map((c) => c.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 22 }, (_, i) => i + 1),
    );
    const byBody = (prefix: string) => bundle.comments.find((c) => c.body.startsWith(prefix))!;
    expect(byBody('Which Congress')).toMatchObject({
      authorName: 'Rae Reader',
      postedAt: '2024-03-01T12:00:00.000Z',
      anchor: { exact: 'the Trump administration and Congress', start: anchor.start },
    });
    expect(byBody('The one that passed').parentNumber).toBe(byBody('Which Congress').number);
    expect(byBody('A published reply to the held one.').parentNumber).toBe(4);
    expect(bundle.comments.some((c) => c.body.startsWith('A held reply'))).toBe(false);
    expect(bundle.comments.find((c) => c.number === 9)).toMatchObject({ authorName: 'Stephen J', parentNumber: 4 });
    expect(bundle.comments.find((c) => c.number === 4)?.anchor?.exact).toMatch(/^Nothing compels/);

    const copy = await importAndWait(api, token, { bundle: JSON.stringify(bundle), slug: 'export-copy' });
    expect(copy).toMatchObject({ status: 'SUCCEEDED', articleSlug: 'export-copy' });
    expect(copy.articleId).not.toBe(articleId);
    const again = await exported(copy.articleId!);
    expect(again).toEqual({ ...bundle, article: { ...bundle.article, slug: 'export-copy' } });

    // The copy's discussion has the same shape as the original's.
    const shape = async (id: string): Promise<Array<[number, number | null, string | null]>> => {
      const rows = await prisma.comment.findMany({
        where: { thread: { articleId: id }, status: 'PUBLISHED' },
        include: { parent: { select: { legacyNumber: true } }, thread: { select: { anchor: true } } },
      });
      return rows
        .map((r): [number, number | null, string | null] => [
          r.legacyNumber ?? 0,
          r.parent?.legacyNumber ?? null,
          r.parentId ? null : ((r.thread.anchor as { quote?: { exact: string } } | null)?.quote?.exact ?? null),
        ])
        .sort((a, b) => a[0] - b[0]);
    };
    const copied = await shape(copy.articleId!);
    expect(copied).toHaveLength(22);
    expect(copied.filter(([n]) => n <= 19)).toEqual((await shape(articleId)).filter(([n]) => n > 0));
  });

  it('imports bundle replies by array order, whatever their numbers', async () => {
    const bundle = JSON.stringify({
      format: 'marginalia.bundle',
      version: 1,
      article: { title: 'Numbered out of order', blocks: [{ kind: 'paragraph', text: 'A short text to discuss.' }] },
      comments: [
        { number: 5, authorName: 'first', postedAt: '2024-01-01T10:00:00Z', body: 'Opening.' },
        { number: 2, authorName: 'second', postedAt: '2024-01-01T11:00:00Z', body: 'Reply.', parentNumber: 5 },
      ],
    });
    const job = await importAndWait(api, token, { bundle });
    expect(job.status).toBe('SUCCEEDED');
    const rows = await prisma.comment.findMany({
      where: { thread: { articleId: job.articleId! } },
      include: { parent: { select: { legacyNumber: true } } },
    });
    const reply = rows.find((r) => r.legacyNumber === 2)!;
    expect(reply.parent?.legacyNumber).toBe(5);
    expect(rows.find((r) => r.legacyNumber === 5)!.replyCount).toBe(1);
    const again = await exported(job.articleId!);
    expect(again.comments.map((c) => [c.number, c.parentNumber])).toEqual([
      [5, undefined],
      [2, 5],
    ]);
  });

  it('is for admins only, and names an unknown article', async () => {
    const reader = await api.register();
    const article = await prisma.article.findFirstOrThrow();
    const refused = await api.gql(EXPORT, { id: article.id }, reader.token);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    const unknown = await api.gql(EXPORT, { id: '00000000-0000-0000-0000-000000000000' }, token);
    expect(errorCode(unknown)).toBe('NOT_FOUND');
  });
});
