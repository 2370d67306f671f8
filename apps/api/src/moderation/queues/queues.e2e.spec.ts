import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { errorCode, TestApi } from '../../../test/support/api-client.js';
import { makeArticle } from '../../../test/support/factories.js';
import { countStatements } from '../../../test/support/statements.js';
import { startWorker } from '../../../test/support/worker.js';
import { postComment, registerAs, waitForStatus } from '../../../test/support/moderation/e2e-helpers.js';

const PAGE = `query($articleId: ID, $first: Int, $after: String, $order: ModerationQueueOrder) {
  moderationQueue(queue: PENDING, articleId: $articleId, first: $first, after: $after, order: $order) {
    items {
      id authorName queues
      comment { status statusReason scores { detail } }
      author { handle status premod publishedCount rejectedCount }
      article { id slug title }
      passage { exact before after status current }
      parent { id authorName }
      flags { reason reporterHandle }
      history { action actorHandle }
    }
    pageInfo { endCursor hasNextPage } } }`;
const BULK = `mutation($input: ModerateCommentsInput!) { moderateComments(input: $input) { commentId ok error code } }`;

interface Page {
  moderationQueue: {
    items: Array<{
      id: string;
      passage: { exact: string; before: string; after: string; current: boolean } | null;
      parent: { id: string } | null;
    }>;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
}

// Emoji before the passage: offsets are code points, and the context must be cut on them.
const LONG = `${'🙂 '.repeat(80)}The passage worth discussing sits right here. ${'Trailing words follow. '.repeat(10)}`;

describe('moderation queues', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startWorker();
    prisma = api.app.get(PrismaService);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  /** A pre-moderated article with an anchored thread and `count` held comments (with creation-time ties). */
  async function heldComments(count: number) {
    const article = await makeArticle(prisma, { premod: true, blocks: [{ kind: 'paragraph', text: LONG }] });
    const author = await api.register();
    const exact = 'The passage worth discussing';
    const start = [...LONG.slice(0, LONG.indexOf(exact))].length;
    const rootId = await postComment(api, author.token, article.id, 'On the passage.', {
      start,
      end: start + exact.length,
      exact,
    });
    await waitForStatus(prisma, rootId, 'HELD');
    const root = await prisma.comment.findUniqueOrThrow({ where: { id: rootId } });
    const base = Date.now() - 60_000;
    await prisma.comment.createMany({
      data: Array.from({ length: count - 1 }, (_, i) => ({
        id: randomUUID(),
        threadId: root.threadId,
        parentId: rootId,
        authorId: author.userId,
        bodySource: `reply ${i}`,
        bodyHtml: `<p>reply ${i}</p>`,
        status: 'HELD' as const,
        statusReason: 'PREMOD',
        // Pairs share a creation time, so the id must break ties.
        createdAt: new Date(base + Math.floor(i / 2) * 1000),
      })),
    });
    const expected = await prisma.comment.findMany({
      where: { thread: { articleId: article.id } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { id: true },
    });
    return { article, author, rootId, start, exact, expected: expected.map((c) => c.id) };
  }

  async function readAll(token: string, articleId: string, order: 'NEWEST' | 'OLDEST', first: number) {
    const ids: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res: { data?: Page | null; errors?: unknown } = await api.gql<Page>(
        PAGE,
        { articleId, first, after, order },
        token,
      );
      expect(res.errors).toBeUndefined();
      const page: Page['moderationQueue'] = res.data!.moderationQueue;
      ids.push(...page.items.map((i) => i.id));
      pages++;
      if (!page.pageInfo.hasNextPage) return { ids, pages };
      after = page.pageInfo.endCursor;
    }
  }

  it("keeps every comment's article on the comment, however it was written", async () => {
    // Per-article queues read Comment.articleId, which a trigger sets from the thread.
    const article = await makeArticle(prisma);
    const thread = await prisma.thread.create({ data: { articleId: article.id } });
    const viaPrisma = await prisma.comment.create({
      data: { threadId: thread.id, bodySource: 'a', bodyHtml: '<p>a</p>', status: 'HELD' },
    });
    const id = randomUUID();
    await prisma.$executeRaw`INSERT INTO "Comment" (id, "threadId", "bodySource", "bodyHtml", "updatedAt")
      VALUES (${id}::uuid, ${thread.id}::uuid, 'b', '<p>b</p>', now())`;
    const forged = await prisma.comment.update({ where: { id }, data: { articleId: randomUUID() } });
    expect(viaPrisma.articleId).toBe(article.id);
    expect(forged.articleId).toBe(article.id);
  });

  it('pages through a queue with keyset cursors, newest or oldest first, without gaps or repeats', async () => {
    const { article, expected } = await heldComments(25);
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    const newest = await readAll(moderator.token, article.id, 'NEWEST', 10);
    expect(newest).toEqual({ ids: expected, pages: 3 });
    const oldest = await readAll(moderator.token, article.id, 'OLDEST', 7);
    expect(oldest.ids).toEqual([...expected].reverse());
    expect(oldest.pages).toBe(4);

    const forged = await api.gql(PAGE, { articleId: article.id, after: 'bm90IGEgY3Vyc29y' }, moderator.token);
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const tooMany = await api.gql(PAGE, { articleId: article.id, first: 101 }, moderator.token);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const counts = await api.gql<{ moderationCounts: Record<string, number> }>(
      'query($id: ID) { moderationCounts(articleId: $id) { pending reported unmoderated approved rejected } }',
      { id: article.id },
      moderator.token,
    );
    expect(counts.data!.moderationCounts).toEqual({
      pending: 25,
      reported: 0,
      unmoderated: 0,
      approved: 0,
      rejected: 0,
    });
  });

  it('shows each item with its anchored passage in context, parent, author and history', async () => {
    const { article, rootId, exact } = await heldComments(2);
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    const res = await api.gql<Page>(PAGE, { articleId: article.id, order: 'OLDEST' }, moderator.token);
    const items = res.data!.moderationQueue.items;
    const root = items.find((i) => i.id === rootId);
    const reply = items.find((i) => i.id !== rootId);
    expect(root).toMatchObject({
      id: rootId,
      queues: ['PENDING'],
      comment: { status: 'HELD', statusReason: 'PREMOD', scores: { detail: 'article' } },
      author: { status: 'ACTIVE', premod: false, publishedCount: 0, rejectedCount: 0 },
      article: { id: article.id, slug: article.slug, title: 'Writing in the margins' },
      parent: null,
      flags: [],
      history: [{ action: 'PIPELINE', actorHandle: null }],
    });
    const text = [...LONG];
    const start = text.join('').indexOf(exact);
    const startCp = [...LONG.slice(0, start)].length;
    expect(root!.passage).toEqual({
      exact,
      before: text.slice(startCp - 100, startCp).join(''),
      after: text.slice(startCp + exact.length, startCp + exact.length + 100).join(''),
      status: 'ANCHORED',
      current: true,
    });
    expect(reply).toMatchObject({ parent: { id: rootId }, passage: root!.passage, history: [] });
  });

  it('loads a page in a constant number of statements, whatever its size', async () => {
    const { article } = await heldComments(30);
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    const countFor = (first: number): Promise<number> =>
      countStatements(async () => {
        const res = await api.gql<Page>(PAGE, { articleId: article.id, first }, moderator.token);
        expect(res.data!.moderationQueue.items).toHaveLength(first);
      });
    const small = await countFor(2);
    const large = await countFor(30);
    expect(large).toBe(small);
    // viewer, comments + author (+ notes on them and their authors), article, parent, flags (+ reporter),
    // actions (+ actor), passages
    expect(large).toBeLessThanOrEqual(16);
  });

  it('applies a bulk action to each comment on its own and reports per item', async () => {
    const { article, expected } = await heldComments(3);
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    const [a, b, c] = expected as [string, string, string];
    await prisma.comment.update({ where: { id: c }, data: { status: 'DELETED' } });
    const missing = randomUUID();
    const res = await api.gql<{ moderateComments: Array<Record<string, unknown>> }>(
      BULK,
      { input: { commentIds: [a, missing, b, c], action: 'REJECT', category: 'SPAM' } },
      moderator.token,
    );
    expect(res.data!.moderateComments).toEqual([
      { commentId: a, ok: true, error: null, code: null },
      { commentId: missing, ok: false, error: 'Comment not found', code: 'NOT_FOUND' },
      { commentId: b, ok: true, error: null, code: null },
      { commentId: c, ok: false, error: expect.stringContaining('deleted'), code: 'BAD_USER_INPUT' },
    ]);
    const rows = await prisma.comment.findMany({ where: { id: { in: [a, b] } } });
    expect(rows.map((r) => [r.status, r.statusReason])).toEqual([
      ['REJECTED', 'REJECTED_SPAM'],
      ['REJECTED', 'REJECTED_SPAM'],
    ]);
    const log = await api.gql<{ moderationLog: Array<{ action: string }> }>(
      'query($id: ID!) { moderationLog(articleId: $id) { action } }',
      { id: article.id },
      moderator.token,
    );
    expect(log.data!.moderationLog.filter((e) => e.action === 'REJECT')).toHaveLength(2);

    const tooMany = await api.gql(
      BULK,
      { input: { commentIds: Array.from({ length: 101 }, () => randomUUID()), action: 'APPROVE' } },
      moderator.token,
    );
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'commentIds' });
    expect(errorCode(await api.gql('{ moderationLog { id } }', {}, moderator.token))).toBe('BAD_USER_INPUT');
  });
});
