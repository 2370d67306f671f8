import type { INestApplicationContext } from '@nestjs/common';
import { describe as describeRange } from '@marginalia/anchoring';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { countStatements } from '../../test/support/statements.js';
import { startWorker } from '../../test/support/worker.js';
import { seedLargeDiscussion } from '../../test/support/comments/large-discussion.js';
import { eventually } from '../../test/support/eventually.js';

const THREADS = `query($slug: String!) { article(slug: $slug) { threads {
  id anchor { start end exact prefix suffix status } originalQuote commentCount
  comments { id parentId authorName status isOwn bodyHtml bodySource } } } }`;
const CREATE = `mutation($input: CreateThreadInput!) { createThread(input: $input) {
  id anchor { start end exact status } comments { id status isOwn } } }`;
const REPLY = 'mutation($input: ReplyInput!) { reply(input: $input) { id parentId status } }';

interface ThreadsData {
  article: {
    threads: Array<{
      id: string;
      anchor: { start: number; end: number; exact: string } | null;
      comments: Array<{ id: string; status: string; isOwn: boolean; bodyHtml: string; parentId: string | null }>;
    }>;
  };
}

describe('threads and replies over HTTP', () => {
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

  function selectorFor(text: string, passage: string): { start: number; end: number; exact: string } {
    const utf16 = text.indexOf(passage);
    const start = [...text.slice(0, utf16)].length;
    const end = start + [...passage].length;
    const { quote } = describeRange(text, start, end);
    return { start, end, exact: quote.exact };
  }

  it('anchors a thread on a passage; it is pending for its author, hidden from others, then published', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const other = await api.register();
    const selector = selectorFor(article.text, 'conversation with the author');
    const created = await api.gql<{
      createThread: {
        id: string;
        anchor: { start: number; exact: string };
        comments: Array<{ id: string; status: string; isOwn: boolean }>;
      };
    }>(CREATE, { input: { articleId: article.id, selector, body: 'Lovely *line*.' } }, author.token);
    expect(created.errors).toBeUndefined();
    expect(created.data?.createThread.anchor).toMatchObject({
      start: selector.start,
      exact: 'conversation with the author',
    });
    const commentId = created.data!.createThread.comments[0]!.id;

    const published = await eventually(
      async () => {
        const row = await prisma.comment.findUnique({ where: { id: commentId } });
        return row?.status === 'PUBLISHED' ? row : undefined;
      },
      { timeoutMs: 10_000, what: 'the pipeline to publish the comment' },
    );
    expect(published.statusReason).toBe('APPROVED_BY_PIPELINE');
    const audit = await prisma.moderationAction.findMany({ where: { commentId } });
    expect(audit).toEqual([
      expect.objectContaining({ action: 'PIPELINE', fromStatus: 'PENDING', toStatus: 'PUBLISHED', actorId: null }),
    ]);

    const seen = await api.gql<ThreadsData>(THREADS, { slug: article.slug }, other.token);
    const thread = seen.data!.article.threads.find((t) => t.id === created.data!.createThread.id)!;
    expect(thread.comments).toEqual([expect.objectContaining({ id: commentId, status: 'PUBLISHED', isOwn: false })]);
    expect(thread.comments[0]!.bodyHtml).toContain('<em>line</em>');
  });

  it('shows a held comment to its author only', async () => {
    const article = await makeArticle(prisma, { premod: true });
    const author = await api.register();
    const created = await api.gql<{ createThread: { id: string; comments: Array<{ id: string }> } }>(
      CREATE,
      { input: { articleId: article.id, body: 'Page-level thought' } },
      author.token,
    );
    const commentId = created.data!.createThread.comments[0]!.id;
    await eventually(async () =>
      (await prisma.comment.findUnique({ where: { id: commentId } }))?.status === 'HELD' ? true : undefined,
    );
    const mine = await api.gql<ThreadsData>(THREADS, { slug: article.slug }, author.token);
    expect(mine.data!.article.threads[0]!.comments[0]).toMatchObject({ status: 'HELD', isOwn: true });
    const anonymous = await api.gql<ThreadsData>(THREADS, { slug: article.slug });
    expect(anonymous.data!.article.threads).toEqual([]);
  });

  it('replies into the same thread', async () => {
    const article = await makeArticle(prisma);
    const a = await api.register();
    const b = await api.register();
    const root = await api.gql<{ createThread: { id: string; comments: Array<{ id: string }> } }>(
      CREATE,
      { input: { articleId: article.id, body: 'First' } },
      a.token,
    );
    const rootId = root.data!.createThread.comments[0]!.id;
    await eventually(async () =>
      (await prisma.comment.findUnique({ where: { id: rootId } }))?.status === 'PUBLISHED' ? true : undefined,
    );
    const reply = await api.gql<{ reply: { id: string; parentId: string; status: string } }>(
      REPLY,
      { input: { parentId: rootId, body: 'Second' } },
      b.token,
    );
    expect(reply.data?.reply).toMatchObject({ parentId: rootId, status: 'PENDING' });
    const row = await prisma.comment.findUniqueOrThrow({ where: { id: reply.data!.reply.id } });
    expect(row.threadId).toBe(root.data!.createThread.id);
  });

  it('refuses a selector that does not match the text, naming the field', async () => {
    const article = await makeArticle(prisma);
    const user = await api.register();
    const res = await api.gql(
      CREATE,
      { input: { articleId: article.id, selector: { start: 0, end: 5, exact: 'Hello' }, body: 'x' } },
      user.token,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'selector.exact' });
  });

  it('refuses empty and oversized bodies and unknown ids', async () => {
    const article = await makeArticle(prisma);
    const user = await api.register();
    const empty = await api.gql(CREATE, { input: { articleId: article.id, body: '   ' } }, user.token);
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    const huge = await api.gql(CREATE, { input: { articleId: article.id, body: 'x'.repeat(5001) } }, user.token);
    expect(huge.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    const unknown = await api.gql(
      CREATE,
      { input: { articleId: '00000000-0000-4000-8000-000000000000', body: 'x' } },
      user.token,
    );
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    const badId = await api.gql(REPLY, { input: { parentId: 'nope', body: 'x' } }, user.token);
    expect(badId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
  });

  it('requires sign-in to post and refuses suspended users', async () => {
    const article = await makeArticle(prisma);
    const anonymous = await api.gql(CREATE, { input: { articleId: article.id, body: 'x' } });
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    const user = await api.register();
    await prisma.user.update({ where: { id: user.userId }, data: { status: 'SUSPENDED' } });
    const suspended = await api.gql(CREATE, { input: { articleId: article.id, body: 'x' } }, user.token);
    expect(errorCode(suspended)).toBe('FORBIDDEN');
    const reads = await api.gql<ThreadsData>(THREADS, { slug: article.slug }, user.token);
    expect(reads.errors).toBeUndefined();
  });

  it('loads an article with 1,000 threads and 5,000 comments in a constant number of statements', async () => {
    const article = await makeArticle(prisma);
    const user = await api.register();
    const other = await api.register();
    const seeded = await seedLargeDiscussion(prisma, article.id, [user.userId, other.userId], 1000, 5);

    const statements = await countStatements(async () => {
      const res = await api.gql<ThreadsData>(THREADS, { slug: article.slug }, user.token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.article.threads).toHaveLength(1000);
      expect(res.data!.article.threads.every((t) => t.comments.length === 5)).toBe(true);
    });
    // viewer, article, thread counts, threads, comments with authors, reaction counts, own reactions
    expect(statements).toBeGreaterThanOrEqual(5);
    expect(statements).toBeLessThanOrEqual(8);

    // Pages of 125: 200 threads with every comment and its reactions cost more than
    // GRAPHQL_MAX_COST allows (a list counts its full size; docs/limits.md).
    const PAGE = `query($slug: String!, $after: String) { article(slug: $slug) {
      threadConnection(sort: MOST_REACTIONS, first: 125, after: $after) {
        nodes { id comments { id reactions { kind count } viewerReactions } } pageInfo { hasNextPage endCursor } } } }`;
    let after: string | null = null;
    const seen = new Set<string>();
    for (let page = 0; page < 8; page++) {
      const perPage = await countStatements(async () => {
        const res: Awaited<ReturnType<typeof api.gql<PageData>>> = await api.gql<PageData>(
          PAGE,
          { slug: article.slug, after },
          user.token,
        );
        expect(res.errors).toBeUndefined();
        const { nodes, pageInfo } = res.data!.article.threadConnection;
        expect(nodes).toHaveLength(125);
        for (const n of nodes) seen.add(n.id);
        after = pageInfo.endCursor;
        expect(pageInfo.hasNextPage).toBe(page < 7);
      });
      // viewer, article, thread counts, page of threads, comments, reaction counts, own reactions
      expect(perPage).toBeLessThanOrEqual(8);
    }
    expect(seen.size).toBe(1000);
    expect(seeded.reactions).toBeGreaterThan(0);
  });
});

interface PageData {
  article: {
    threadConnection: {
      nodes: Array<{ id: string }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
}

/** Counts the SQL statements sent to PostgreSQL (by any client in this process) while `run` runs. */
