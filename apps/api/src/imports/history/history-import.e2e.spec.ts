import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { TestApi } from '../../../test/support/api-client.js';
import { HISTORY_DIR, runImport } from '../../../test/support/history/run-import.js';

const WXR = path.join(HISTORY_DIR, 'wordpress.wxr.xml');
const DISQUS = path.join(HISTORY_DIR, 'disqus.xml');
const KEYS = [
  'format',
  'articles',
  'comments',
  'commentsCreated',
  'replies',
  'published',
  'pending',
  'rejected',
  'deleted',
  'authors',
  'warnings',
];

describe('importing a WordPress WXR export and then a Disqus export', () => {
  let api: TestApi;
  let prisma: PrismaService;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
  });
  afterAll(() => api.close());

  const commentsOf = (importKeyPrefix: string) =>
    prisma.comment.findMany({
      where: { importKey: { startsWith: importKeyPrefix } },
      include: { thread: true, importedAuthor: true },
      orderBy: { importKey: 'asc' },
    });

  it('imports published posts and pages with their comments, statuses, threading and anchors', async () => {
    const { code, results } = await runImport([WXR]);
    expect(code).toBe(0);
    expect(results).toHaveLength(1);
    const summary = results[0]!;
    expect(Object.keys(summary)).toEqual(KEYS);
    expect(summary).toMatchObject({
      format: 'wxr',
      articles: 2,
      comments: 7,
      commentsCreated: 7,
      replies: 1,
      published: 4,
      pending: 1,
      rejected: 1,
      deleted: 1,
      authors: 6,
    });
    const warnings = summary['warnings'] as string[];
    for (const expected of [
      /Skipped draft post 30/,
      /Skipped private post 31/,
      /Skipped attachment 40/,
      /Skipped navigation menu item 41/,
      /Skipped pingback 106/,
      /Comment 107 .* answers comment 99, which is not in the export/,
      /Comment 108 .* does not parse/,
    ])
      expect(warnings.some((w) => expected.test(w))).toBe(true);

    const article = await prisma.article.findUniqueOrThrow({
      where: { importKey: 'wxr:https://harbour.example#12' },
      include: { currentRevision: true },
    });
    expect(article).toMatchObject({
      title: 'The tide tables are wrong',
      author: 'Mara Quay',
      slug: expect.stringMatching(/^tide-tables(-\d+)?$/),
      sourceUrl: 'https://harbour.example/2020/03/tide-tables/',
    });
    expect(article.publishedAt?.toISOString()).toBe('2020-03-02T09:30:00.000Z');
    expect(article.currentRevision?.canonicalText).toContain('forty minutes');
    expect(article.currentRevision?.canonicalText).not.toContain('alert');
    const page = await prisma.article.findUniqueOrThrow({ where: { importKey: 'wxr:https://harbour.example#2' } });
    expect(page.slug).toMatch(/^about(-\d+)?$/);
    expect(
      await prisma.article.count({
        where: { importKey: { in: ['wxr:https://harbour.example#30', 'wxr:https://harbour.example#31'] } },
      }),
    ).toBe(0);

    const comments = await commentsOf('wxr:https://harbour.example#');
    const byId = new Map(comments.map((c) => [c.importKey!.split('#')[1]!, c]));
    expect([...byId.keys()].sort()).toEqual(['101', '102', '103', '104', '105', '107', '108']);
    // A block quote of the article anchors its thread on the passage.
    const quoted = byId.get('101')!;
    expect(quoted.status).toBe('PUBLISHED');
    expect(quoted.thread.anchorStatus).toBe('ANCHORED');
    expect((quoted.thread.anchor as { quote: { exact: string } }).quote.exact).toContain(
      'rounding rule adopted when the tables were moved to a new printer',
    );
    expect(quoted.legacyAuthor).toBe('Ivo Netmaker');
    expect(quoted.createdAt.toISOString()).toBe('2020-03-02T11:00:00.000Z');
    // comment_parent threading: the reply joins its parent's thread.
    const reply = byId.get('102')!;
    expect(reply.parentId).toBe(quoted.id);
    expect(reply.threadId).toBe(quoted.threadId);
    expect(reply.bodySource).toBe('Fair point, Ivo.\n\nWe asked the printer for the original spreadsheet.');
    expect(quoted.thread.commentCount).toBe(2);
    // Quoted text between quote marks anchors too; approved=0 awaits moderation.
    const pending = byId.get('103')!;
    // In the moderators' Pending queue (held); the decided ones do not crowd the Unmoderated queue.
    expect(pending).toMatchObject({ status: 'HELD', statusReason: 'IMPORTED', reviewedAt: null });
    expect(quoted.reviewedAt).not.toBeNull();
    expect(pending.thread.anchorStatus).toBe('ANCHORED');
    // Spam is rejected as spam, with its script and unsafe link gone; trash is deleted.
    const spam = byId.get('104')!;
    expect(spam).toMatchObject({ status: 'REJECTED', statusReason: 'SPAM' });
    expect(spam.bodyHtml).not.toMatch(/javascript:|onerror|<img/);
    expect(byId.get('105')!.status).toBe('DELETED');
    // A reply to a missing comment starts a page-level thread.
    expect(byId.get('107')!).toMatchObject({ parentId: null });
    expect(byId.get('107')!.thread.anchor).toBeNull();
    // One imported author per commenter; the e-mail address is kept lower-cased.
    expect(quoted.importedAuthor).toMatchObject({ displayName: 'Ivo Netmaker', email: 'ivo@nets.example' });
    expect(byId.get('103')!.importedAuthorId).toBe(quoted.importedAuthorId);
    expect(reply.importedAuthor).toMatchObject({ email: 'mara@harbour.example', sourceId: '1' });
  });

  it('creates nothing new when the same file is imported again, keeps moderators’ decisions, and updates what the source changed', async () => {
    // A moderator approves the pending comment after the import.
    await prisma.comment.update({
      where: { importKey: 'wxr:https://harbour.example#103' },
      data: { status: 'PUBLISHED' },
    });
    const before = await prisma.comment.count();
    const { code, results } = await runImport([WXR]);
    expect(code).toBe(0);
    expect(results[0]).toMatchObject({ format: 'wxr', articles: 2, comments: 7, commentsCreated: 0 });
    expect(await prisma.comment.count()).toBe(before);
    expect(await prisma.article.count({ where: { importKey: { startsWith: 'wxr:https://harbour.example#' } } })).toBe(
      2,
    );
    const decided = await prisma.comment.findUniqueOrThrow({ where: { importKey: 'wxr:https://harbour.example#103' } });
    expect(decided.status).toBe('PUBLISHED');

    // At the source, since the first export: a comment was edited and a trashed one restored.
    const changed = path.join(mkdtempSync(path.join(tmpdir(), 'marginalia-wxr-')), 'changed.xml');
    writeFileSync(
      changed,
      readFileSync(WXR, 'utf8')
        .replace('Somebody typed the wrong column.', 'Somebody typed the wrong column, twice.')
        .replace(
          '<wp:comment_approved><![CDATA[trash]]></wp:comment_approved>',
          '<wp:comment_approved><![CDATA[1]]></wp:comment_approved>',
        ),
    );
    const again = await runImport([changed]);
    expect(again.results[0]).toMatchObject({ commentsCreated: 0, deleted: 0, published: 5 });
    const edited = await prisma.comment.findUniqueOrThrow({ where: { importKey: 'wxr:https://harbour.example#101' } });
    expect(edited.bodySource).toContain('twice');
    const restored = await prisma.comment.findUniqueOrThrow({
      where: { importKey: 'wxr:https://harbour.example#105' },
    });
    expect(restored.status).toBe('PUBLISHED');
    expect(
      (await prisma.comment.findUniqueOrThrow({ where: { importKey: 'wxr:https://harbour.example#103' } })).status,
    ).toBe('PUBLISHED');
  });

  it('matches Disqus threads to articles by URL, creates articles for unknown pages, and threads posts by parent', async () => {
    const tide = await prisma.article.findUniqueOrThrow({ where: { importKey: 'wxr:https://harbour.example#12' } });
    const { code, results } = await runImport([DISQUS]);
    expect(code).toBe(0);
    const summary = results[0]!;
    expect(Object.keys(summary)).toEqual(KEYS);
    expect(summary).toMatchObject({
      format: 'disqus',
      articles: 2,
      comments: 8,
      commentsCreated: 8,
      replies: 2,
      published: 5,
      rejected: 1,
      deleted: 2,
      pending: 0,
      authors: 6,
    });
    const warnings = summary['warnings'] as string[];
    expect(warnings.some((w) => /Post 9010: the date "sometime in November" does not parse/.test(w))).toBe(true);
    expect(warnings.some((w) => /Post 9012 answers post 9999, which is not in the export/.test(w))).toBe(true);

    const posts = await commentsOf('disqus#9');
    const byId = new Map(posts.map((c) => [c.importKey!.split('#')[1]!, c]));
    // http, www., no trailing slash and utm parameters still name the imported WordPress post.
    for (const id of ['9001', '9002', '9003', '9004', '9005']) expect(byId.get(id)!.thread.articleId).toBe(tide.id);
    // A reply listed before its parent still joins it; the deleted parent stays as a placeholder.
    expect(byId.get('9002')!.parentId).toBe(byId.get('9001')!.id);
    expect(byId.get('9001')!).toMatchObject({ status: 'DELETED', replyCount: 1 });
    expect(byId.get('9003')!).toMatchObject({ status: 'REJECTED', statusReason: 'SPAM' });
    expect(byId.get('9003')!.bodyHtml).not.toContain('steal');
    expect(byId.get('9004')!.status).toBe('DELETED');
    expect(byId.get('9005')!.thread.anchorStatus).toBe('ANCHORED');
    expect(byId.get('9005')!.bodySource).toBe(
      '> For three winters the printed tide tables have disagreed with the harbour gauge\n\nFour winters, in my logbook.',
    );
    // The ferry page is not imported yet: an article by URL and title holds its discussion.
    const ferry = await prisma.article.findUniqueOrThrow({ where: { id: byId.get('9010')!.thread.articleId } });
    expect(ferry).toMatchObject({
      title: 'The winter ferry timetable',
      sourceUrl: 'https://harbour.example/2021/ferry-timetable/',
      currentRevisionId: null,
    });
    expect(byId.get('9011')!.parentId).toBe(byId.get('9010')!.id);
    expect(byId.get('9012')!.parentId).toBeNull();
    // The same person across both exports: one address, two imported authors (one per source).
    expect(byId.get('9011')!.importedAuthor!.email).toBe('mara@harbour.example');

    const again = await runImport([DISQUS]);
    expect(again.results[0]).toMatchObject({ comments: 8, commentsCreated: 0 });
    expect(await prisma.comment.count({ where: { importKey: { startsWith: 'disqus#9' } } })).toBe(8);
  });
});
