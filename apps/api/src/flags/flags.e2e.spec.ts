import type { INestApplicationContext } from '@nestjs/common';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { RateLimiter } from '../infra/redis/rate-limiter.js';
import { ModerationSettingsService } from '../moderation/moderation-settings.service.js';
import { postComment, registerAs, subscribe, waitForStatus } from '../../test/support/moderation/e2e-helpers.js';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { startWorker } from '../../test/support/worker.js';
import { FLAGS_PER_WINDOW } from './flag.service.js';
import { eventually } from '../../test/support/eventually.js';

const FLAG = `mutation($input: FlagCommentInput!) { flagComment(input: $input) { id commentId reason } }`;
const REPORTED = `query($articleId: ID) { moderationQueue(queue: REPORTED, articleId: $articleId) {
  items { id queues comment { status statusReason openFlagCount } flags { reason note reporterHandle } } } }`;
const APPROVE = `mutation($id: ID!) { moderateComment(input: { commentId: $id, action: APPROVE }) {
  queues comment { status openFlagCount } flags { id } } }`;
const EVENTS = `subscription($articleId: ID) { moderationEvents(articleId: $articleId) { commentId action entered left status } }`;

describe('flags: threshold → auto-hide → Reported → approve → back', () => {
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

  it('hides a comment once enough distinct readers flag it, and a moderator restores it', async () => {
    const { flagThreshold } = await api.app.get(ModerationSettingsService).get();
    const article = await makeArticle(prisma);
    const author = await api.register();
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    const readers = await Promise.all(Array.from({ length: flagThreshold }, () => api.register()));
    // Readers with standing (an account a month old with published comments): their flags count toward hiding.
    await prisma.user.updateMany({
      where: { id: { in: readers.map((r) => r.userId) } },
      data: { createdAt: new Date(Date.now() - 30 * 24 * 3600 * 1000), commentCount: 3 },
    });
    const commentId = await postComment(api, author.token, article.id, 'A contested opinion.');
    await waitForStatus(prisma, commentId, 'PUBLISHED');
    const live = subscribe<{ commentId: string; action: string; entered: string[]; status: string }>(
      api,
      EVENTS,
      'moderationEvents',
      moderator.token,
      { articleId: article.id },
    );
    await live.connected;
    await new Promise((r) => setTimeout(r, 200));

    // Below the threshold: still published, but in the Reported queue.
    for (const [i, reader] of readers.slice(0, -1).entries()) {
      const res = await api.gql(FLAG, { input: { commentId, reason: 'ABUSE', note: `note ${i}` } }, reader.token);
      expect(res.errors).toBeUndefined();
    }
    const reported = await api.gql<{ moderationQueue: { items: Array<Record<string, unknown>> } }>(
      REPORTED,
      { articleId: article.id },
      moderator.token,
    );
    expect(reported.data!.moderationQueue.items).toEqual([
      expect.objectContaining({
        id: commentId,
        queues: ['REPORTED', 'UNMODERATED'],
        comment: { status: 'PUBLISHED', statusReason: 'APPROVED_BY_PIPELINE', openFlagCount: flagThreshold - 1 },
      }),
    ]);
    expect(await prisma.comment.findUnique({ where: { id: commentId } })).toMatchObject({ status: 'PUBLISHED' });

    // The last flag crosses the threshold: the flags job hides the comment.
    await api.gql(FLAG, { input: { commentId, reason: 'SPAM' } }, readers.at(-1)!.token);
    await waitForStatus(prisma, commentId, 'HELD');
    const hidden = await prisma.comment.findUniqueOrThrow({ where: { id: commentId } });
    expect(hidden).toMatchObject({ statusReason: 'FLAGGED', openFlagCount: flagThreshold });
    const thread = await prisma.thread.findFirstOrThrow({ where: { articleId: article.id } });
    expect(thread.commentCount).toBe(0);
    const audit = await prisma.moderationAction.findMany({ where: { commentId }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['PIPELINE', 'FLAGS_THRESHOLD']);
    const anonymousView = await api.gql<{ comment: unknown }>(
      'query($id: ID!) { comment(id: $id) { comment { id } } }',
      { id: commentId },
    );
    expect(errorCode(anonymousView)).toBe('NOT_FOUND');

    const queue = await api.gql<{ moderationQueue: { items: Array<Record<string, unknown>> } }>(
      REPORTED,
      { articleId: article.id },
      moderator.token,
    );
    const item = queue.data!.moderationQueue.items[0]!;
    expect(item).toMatchObject({ id: commentId, queues: ['REPORTED'], comment: { status: 'HELD' } });
    expect(item['flags']).toHaveLength(flagThreshold);
    expect(item['flags']).toContainEqual({ reason: 'ABUSE', note: 'note 0', reporterHandle: expect.any(String) });

    const approved = await api.gql<{ moderateComment: Record<string, unknown> }>(
      APPROVE,
      { id: commentId },
      moderator.token,
    );
    expect(approved.data!.moderateComment).toEqual({
      queues: ['APPROVED'],
      comment: { status: 'PUBLISHED', openFlagCount: 0 },
      flags: [],
    });
    expect(await prisma.flag.count({ where: { commentId, resolved: false } })).toBe(0);
    expect((await prisma.thread.findFirstOrThrow({ where: { articleId: article.id } })).commentCount).toBe(1);
    const after = await api.gql<{ moderationQueue: { items: unknown[] } }>(
      REPORTED,
      { articleId: article.id },
      moderator.token,
    );
    expect(after.data!.moderationQueue.items).toEqual([]);

    // A resolved flag does not stop the same reader from flagging again later.
    const again = await api.gql(FLAG, { input: { commentId, reason: 'OTHER' } }, readers[0]!.token);
    expect(again.errors).toBeUndefined();

    await eventually(() => live.events.some((e) => e.action === 'APPROVE'), {
      timeoutMs: 5_000,
      what: 'the approve event',
    });
    expect(live.events.find((e) => e.action === 'FLAGS_THRESHOLD')).toMatchObject({
      status: 'HELD',
      entered: [],
    });
    expect(live.events.find((e) => e.action === 'FLAG')).toMatchObject({ entered: ['REPORTED'] });
    await live.dispose();
  });

  it('allows one open flag per reader, none on one’s own or on unpublished comments', async () => {
    const article = await makeArticle(prisma, { premod: true });
    const author = await api.register();
    const reader = await api.register();
    const thread = await prisma.thread.create({ data: { articleId: article.id, commentCount: 1 } });
    const published = await prisma.comment.create({
      data: {
        threadId: thread.id,
        authorId: author.userId,
        bodySource: 'x',
        bodyHtml: '<p>x</p>',
        status: 'PUBLISHED',
      },
    });
    const first = await api.gql(FLAG, { input: { commentId: published.id, reason: 'SPAM' } }, reader.token);
    expect(first.errors).toBeUndefined();
    const twice = await api.gql(FLAG, { input: { commentId: published.id, reason: 'ABUSE' } }, reader.token);
    expect(errorCode(twice)).toBe('CONFLICT');
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: published.id } })).openFlagCount).toBe(1);

    const own = await api.gql(FLAG, { input: { commentId: published.id, reason: 'SPAM' } }, author.token);
    expect(errorCode(own)).toBe('FORBIDDEN');

    const heldId = await postComment(api, author.token, article.id, 'Held for review.');
    await waitForStatus(prisma, heldId, 'HELD');
    const held = await api.gql(FLAG, { input: { commentId: heldId, reason: 'SPAM' } }, reader.token);
    expect(errorCode(held)).toBe('NOT_FOUND');

    const anonymous = await api.gql(FLAG, { input: { commentId: published.id, reason: 'SPAM' } });
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    const badNote = await api.gql(
      FLAG,
      { input: { commentId: published.id, reason: 'SPAM', note: 'x'.repeat(501) } },
      reader.token,
    );
    expect(badNote.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
  });

  it('limits flag floods', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const flooder = await api.register();
    const thread = await prisma.thread.create({ data: { articleId: article.id } });
    const comments = await prisma.comment.createManyAndReturn({
      data: Array.from({ length: FLAGS_PER_WINDOW + 1 }, (_, i) => ({
        threadId: thread.id,
        authorId: author.userId,
        bodySource: `c${i}`,
        bodyHtml: `<p>c${i}</p>`,
        status: 'PUBLISHED' as const,
      })),
      select: { id: true },
    });
    const codes: unknown[] = [];
    for (const { id } of comments) {
      codes.push(errorCode(await api.gql(FLAG, { input: { commentId: id, reason: 'SPAM' } }, flooder.token)));
    }
    expect(codes.slice(0, FLAGS_PER_WINDOW)).toEqual(Array(FLAGS_PER_WINDOW).fill(undefined));
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    await api.app.get(RateLimiter).reset('flag', flooder.userId);
  });
});
