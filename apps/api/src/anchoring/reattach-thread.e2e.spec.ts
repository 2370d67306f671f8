import { describe as describeRange } from '@marginalia/anchoring';
import { subscribeEvents } from '../../test/support/comments/events.js';
import { seedThread, selectorOf } from '../../test/support/comments/fixtures.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { eventually } from '../../test/support/eventually.js';

const REATTACH = `mutation($input: ReattachThreadInput!) { reattachThread(input: $input) {
  id anchorStatus originalQuote anchor { revisionId start end exact prefix suffix status score } comments { id } } }`;

describe('re-attaching a thread to a new passage', () => {
  let api: TestApi;
  let prisma: PrismaService;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
  });
  afterAll(() => api.close());

  async function orphanOn(passage: string) {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const { start, end } = selectorOf(article.text, passage);
    const d = describeRange(article.text, start, end);
    const anchor = { revisionId: article.revisionId, position: d.position, quote: d.quote };
    const { threadId } = await seedThread(prisma, { articleId: article.id, authorId: author.userId, anchor });
    await prisma.thread.update({ where: { id: threadId }, data: { anchorStatus: 'ORPHANED', anchorStart: null } });
    return { article, threadId, anchor };
  }

  async function moderator() {
    const user = await api.register();
    await prisma.user.update({ where: { id: user.userId }, data: { role: 'MODERATOR' } });
    return user;
  }

  it('lets a moderator place an orphan on a verified selection, keeping its original quote', async () => {
    const { article, threadId, anchor } = await orphanOn('older than print');
    const mod = await moderator();
    const live = await subscribeEvents(api, article.id);
    const selector = selectorOf(article.text, 'sometimes with other readers 😀');

    const res = await api.gql<{ reattachThread: Record<string, unknown> }>(
      REATTACH,
      { input: { threadId, selector } },
      mod.token,
    );
    expect(res.errors).toBeUndefined();
    const described = describeRange(article.text, selector.start, selector.end);
    expect(res.data!.reattachThread).toMatchObject({
      id: threadId,
      anchorStatus: 'ANCHORED',
      originalQuote: 'older than print',
      anchor: {
        revisionId: article.revisionId,
        start: selector.start,
        end: selector.end,
        exact: selector.exact,
        prefix: described.quote.prefix,
        suffix: described.quote.suffix,
        status: 'ANCHORED',
        score: 1,
      },
    });
    const row = await prisma.thread.findUniqueOrThrow({ where: { id: threadId } });
    expect(row).toMatchObject({ anchorStart: selector.start, revisionId: article.revisionId, originalAnchor: anchor });
    const audit = await prisma.moderationAction.findMany({
      where: { articleId: article.id, action: 'REATTACH_THREAD' },
    });
    expect(audit).toEqual([
      expect.objectContaining({ actorId: mod.userId, reason: expect.stringContaining(threadId) }),
    ]);
    await eventually(async () => (live.events.length > 0 ? true : undefined), { timeoutMs: 5000, what: 'the event' });
    expect(live.events).toEqual([{ type: 'THREAD_REANCHORED', threadId, commentId: null, status: null }]);
    await live.close();
  });

  it('is for moderators and admins only', async () => {
    const { article, threadId } = await orphanOn('older than print');
    const selector = selectorOf(article.text, 'Readers write');
    const reader = await api.register();
    expect(errorCode(await api.gql(REATTACH, { input: { threadId, selector } }, reader.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(REATTACH, { input: { threadId, selector } }))).toBe('UNAUTHENTICATED');
    const admin = await api.register();
    await prisma.user.update({ where: { id: admin.userId }, data: { role: 'ADMIN' } });
    const ok = await api.gql(REATTACH, { input: { threadId, selector } }, admin.token);
    expect(ok.errors).toBeUndefined();
  });

  it('refuses selections that do not match the current text, and unknown threads', async () => {
    const { article, threadId } = await orphanOn('older than print');
    const mod = await moderator();
    const wrong = await api.gql(
      REATTACH,
      { input: { threadId, selector: { start: 0, end: 5, exact: 'Hello' } } },
      mod.token,
    );
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'selector.exact' });
    const reversed = await api.gql(
      REATTACH,
      { input: { threadId, selector: { start: 9, end: 3, exact: 'x' } } },
      mod.token,
    );
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'selector.end' });
    const unknown = await api.gql(
      REATTACH,
      { input: { threadId: '00000000-0000-4000-8000-000000000000', selector: selectorOf(article.text, 'Readers') } },
      mod.token,
    );
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    expect((await prisma.thread.findUniqueOrThrow({ where: { id: threadId } })).anchorStatus).toBe('ORPHANED');
  });
});
