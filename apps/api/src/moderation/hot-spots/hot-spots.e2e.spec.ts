import type { Prisma } from '../../generated/prisma/client.js';
import type { CommentStatus, FlagReason } from '../../generated/prisma/enums.js';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { anchoredThreadData } from '../../comments/anchor-data.js';
import { errorCode, TestApi } from '../../../test/support/api-client.js';
import { makeArticle } from '../../../test/support/factories.js';
import { makeActor, type Actor } from '../../../test/security/actors.js';

const HOT_SPOTS = `query($articleId: ID!, $from: DateTime, $first: Int) {
  moderationHotSpots(articleId: $articleId, from: $from, first: $first) {
    revisionId
    passages { start end quote flags flagReasons { reason count } held pending rejected comments heat threadIds }
  }
}`;

interface Passage {
  start: number;
  end: number;
  quote: string;
  flags: number;
  flagReasons: Array<{ reason: string; count: number }>;
  held: number;
  pending: number;
  rejected: number;
  comments: number;
  heat: number;
  threadIds: string[];
}

describe('moderationHotSpots', () => {
  let api: TestApi;
  let prisma: PrismaService;
  let moderator: Actor;
  let reader: Actor;
  let article: { id: string; revisionId: string; text: string };
  const threads: Record<string, string> = {};

  const DAY = 24 * 3600 * 1000;

  async function thread(
    name: string,
    exact: string,
    extra: Partial<Prisma.ThreadUncheckedCreateInput> = {},
    on: { id: string; revisionId: string; text: string } = article,
  ) {
    const start = Array.from(on.text.slice(0, on.text.indexOf(exact))).length;
    const end = start + Array.from(exact).length;
    const created = await prisma.thread.create({
      data: {
        articleId: on.id,
        ...anchoredThreadData({
          revisionId: on.revisionId,
          position: { start, end },
          quote: { exact, prefix: '', suffix: '' },
        }),
        ...extra,
      },
    });
    threads[name] = created.id;
  }
  async function comment(threadName: string, status: CommentStatus, createdAt = new Date()): Promise<string> {
    const row = await prisma.comment.create({
      data: {
        threadId: threads[threadName]!,
        authorId: reader.userId!,
        bodySource: `a comment ${status}`,
        bodyHtml: `<p>a comment ${status}</p>`,
        status,
        createdAt,
      },
    });
    return row.id;
  }
  async function flag(commentId: string, reason: FlagReason, createdAt = new Date()): Promise<void> {
    const reporter = await api.register();
    await prisma.flag.create({ data: { commentId, reporterId: reporter.userId, reason, createdAt } });
  }

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
    moderator = await makeActor(api, 'moderator');
    reader = await makeActor(api, 'reader');
    article = await makeArticle(prisma);
    // Two overlapping passages (one hot spot), a separate one, a quiet one and an orphan.
    await thread('older', 'Readers write in the margins');
    await thread('overlap', 'the margins of books they love');
    await thread('other', 'A margin note is a conversation');
    await thread('quiet', 'The habit is older than print');
    await thread('orphan', 'with other readers', { anchorStatus: 'ORPHANED' });

    const flagged = await comment('older', 'PUBLISHED');
    await flag(flagged, 'ABUSE');
    await flag(flagged, 'ABUSE');
    await flag(flagged, 'SPAM', new Date(Date.now() - 90 * DAY)); // outside the period
    await comment('overlap', 'HELD');
    await comment('overlap', 'REJECTED');
    await comment('overlap', 'REJECTED', new Date(Date.now() - 90 * DAY)); // outside the period
    await comment('other', 'HELD');
    await comment('other', 'PENDING');
    await comment('quiet', 'PUBLISHED');
    const lost = await comment('orphan', 'REJECTED');
    await flag(lost, 'OFFENSIVE');
  });
  afterAll(() => api.close());

  it('ranks passages by reports, holds and rejections, merging overlapping threads, over the period', async () => {
    const res = await api.gql<{ moderationHotSpots: { revisionId: string; passages: Passage[] } }>(
      HOT_SPOTS,
      { articleId: article.id },
      moderator.token,
    );
    expect(res.errors).toBeUndefined();
    const { revisionId, passages } = res.data!.moderationHotSpots;
    expect(revisionId).toBe(article.revisionId);
    expect(passages).toHaveLength(2);
    const [hottest, second] = passages as [Passage, Passage];
    expect(hottest).toMatchObject({
      quote: 'Readers write in the margins of books they love',
      flags: 2,
      flagReasons: [{ reason: 'ABUSE', count: 2 }],
      held: 1,
      rejected: 1,
      comments: 3,
      heat: 2 + 1 + 2,
    });
    expect(new Set(hottest.threadIds)).toEqual(new Set([threads['older'], threads['overlap']]));
    expect(second).toMatchObject({
      quote: 'A margin note is a conversation',
      flags: 0,
      held: 1,
      pending: 1,
      rejected: 0,
      heat: 1,
      threadIds: [threads['other']],
    });
  });

  it('counts what falls in a longer period, and cuts the list at `first`', async () => {
    const res = await api.gql<{ moderationHotSpots: { passages: Passage[] } }>(
      HOT_SPOTS,
      { articleId: article.id, from: new Date(Date.now() - 120 * DAY).toISOString(), first: 1 },
      moderator.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.moderationHotSpots.passages).toHaveLength(1);
    expect(res.data!.moderationHotSpots.passages[0]).toMatchObject({
      flags: 3,
      rejected: 2,
      heat: 3 + 1 + 4,
      flagReasons: [
        { reason: 'ABUSE', count: 2 },
        { reason: 'SPAM', count: 1 },
      ],
    });
  });

  it('counts a report filed in the period on a comment posted before it', async () => {
    const other = await makeArticle(prisma);
    await thread('late', 'A margin note is a conversation', {}, other);
    const old = await comment('late', 'PUBLISHED', new Date(Date.now() - 90 * DAY));
    await flag(old, 'MISINFORMATION');
    const res = await api.gql<{ moderationHotSpots: { passages: Passage[] } }>(
      HOT_SPOTS,
      { articleId: other.id },
      moderator.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.moderationHotSpots.passages).toEqual([
      expect.objectContaining({
        quote: 'A margin note is a conversation',
        flags: 1,
        comments: 0,
        flagReasons: [{ reason: 'MISINFORMATION', count: 1 }],
        threadIds: [threads['late']],
      }),
    ]);
  });

  it('is for moderators only, and names a missing article', async () => {
    expect(errorCode(await api.gql(HOT_SPOTS, { articleId: article.id }, reader.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(HOT_SPOTS, { articleId: article.id }))).toBe('UNAUTHENTICATED');
    const missing = await api.gql(HOT_SPOTS, { articleId: '00000000-0000-4000-8000-000000000000' }, moderator.token);
    expect(errorCode(missing)).toBe('NOT_FOUND');
    expect(missing.errors![0]!.extensions!['field']).toBe('articleId');
    const bad = await api.gql(HOT_SPOTS, { articleId: 'nope' }, moderator.token);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
  });
});
