import type { INestApplicationContext } from '@nestjs/common';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { postComment, registerAs, waitForStatus } from '../../test/support/moderation/e2e-helpers.js';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { startWorker } from '../../test/support/worker.js';
import { eventually } from '../../test/support/eventually.js';

const SET_STATUS = `mutation($input: SetUserStatusInput!) { setUserStatus(input: $input) {
  id status statusUntil statusReason } }`;
const USER = `query($id: ID!) { moderatedUser(id: $id) {
  user { id status premod publishedCount rejectedCount email }
  recentComments { id comment { status statusReason } } } }`;

describe('user sanctions', () => {
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

  it('bans a user: their sessions end and every pending, held and published comment is rejected', async () => {
    const article = await makeArticle(prisma);
    const premodArticle = await makeArticle(prisma, { premod: true });
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    const troll = await api.register();
    const published = await postComment(api, troll.token, article.id, 'First, harmless.');
    const held = await postComment(api, troll.token, premodArticle.id, 'Second, held.');
    await waitForStatus(prisma, published, 'PUBLISHED');
    await waitForStatus(prisma, held, 'HELD');
    const thread = await prisma.thread.findFirstOrThrow({ where: { articleId: article.id } });
    // One still waiting for the pipeline (written as the API does, without its job).
    const pending = await prisma.comment.create({
      data: { threadId: thread.id, authorId: troll.userId, bodySource: 'p', bodyHtml: '<p>p</p>', status: 'PENDING' },
    });

    const banned = await api.gql<{ setUserStatus: { status: string; statusReason: string } }>(
      SET_STATUS,
      { input: { userId: troll.userId, status: 'BANNED', reason: 'Repeated abuse' } },
      moderator.token,
    );
    expect(banned.errors).toBeUndefined();
    expect(banned.data!.setUserStatus).toMatchObject({ status: 'BANNED', statusReason: 'Repeated abuse' });
    expect(errorCode(await api.gql('{ me { id } }', {}, troll.token))).toBe('UNAUTHENTICATED');

    for (const id of [published, held, pending.id]) await waitForStatus(prisma, id, 'REJECTED');
    const rows = await prisma.comment.findMany({ where: { authorId: troll.userId } });
    expect(rows.map((r) => r.statusReason)).toEqual(['AUTHOR_BANNED', 'AUTHOR_BANNED', 'AUTHOR_BANNED']);
    const audit = await prisma.moderationAction.findMany({ where: { targetUserId: troll.userId, action: 'BAN' } });
    expect(audit).toHaveLength(3);
    expect(audit.every((a) => a.actorId === moderator.userId && a.toStatus === 'REJECTED')).toBe(true);
    expect((await prisma.thread.findUniqueOrThrow({ where: { id: thread.id } })).commentCount).toBe(0);
    const view = await api.gql<{
      moderatedUser: { user: Record<string, unknown>; recentComments: Array<{ comment: { status: string } }> };
    }>(USER, { id: troll.userId }, moderator.token);
    expect(view.data!.moderatedUser.user).toMatchObject({
      status: 'BANNED',
      publishedCount: 0,
      rejectedCount: 3,
      email: null,
    });
    expect(view.data!.moderatedUser.recentComments.map((c) => c.comment.status)).toEqual([
      'REJECTED',
      'REJECTED',
      'REJECTED',
    ]);
    const log = await api.gql<{ moderationLog: Array<{ action: string }> }>(
      'query($id: ID!) { moderationLog(userId: $id) { action actorHandle } }',
      { id: troll.userId },
      moderator.token,
    );
    expect(log.data!.moderationLog.map((e) => e.action).sort()).toEqual([
      'BAN',
      'BAN',
      'BAN',
      'PIPELINE',
      'PIPELINE',
      'SET_STATUS',
    ]);
  });

  it('suspends a user for a while: they can read but not post, and the suspension ends by itself', async () => {
    const article = await makeArticle(prisma);
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    const reader = await api.register();
    const until = new Date(Date.now() + 1500);
    const suspended = await api.gql(
      SET_STATUS,
      { input: { userId: reader.userId, status: 'SUSPENDED', reason: 'Cooling off', until: until.toISOString() } },
      moderator.token,
    );
    expect(suspended.errors).toBeUndefined();
    const post = await api.gql(
      'mutation($input: CreateThreadInput!) { createThread(input: $input) { id } }',
      { input: { articleId: article.id, body: 'Let me in' } },
      reader.token,
    );
    expect(errorCode(post)).toBe('FORBIDDEN');
    expect(errorCode(await api.gql('{ me { id } }', {}, reader.token))).toBeUndefined();

    await eventually(
      async () =>
        (await prisma.user.findUniqueOrThrow({ where: { id: reader.userId } })).status === 'ACTIVE' ? true : undefined,
      { timeoutMs: 10_000, what: 'the suspension to end' },
    );
    expect(await postComment(api, reader.token, article.id, 'Back again.')).toEqual(expect.any(String));
    const ended = await prisma.moderationAction.findMany({ where: { targetUserId: reader.userId } });
    expect(ended.map((a) => a.action)).toEqual(expect.arrayContaining(['SET_STATUS', 'SANCTION_ENDED']));
  });

  it('lifts a timed sanction whose job was never scheduled, once', async () => {
    const reader = await api.register();
    // As if Redis had been down when the sanction was set: the user row says so, no job exists.
    await prisma.user.update({
      where: { id: reader.userId },
      data: { status: 'BANNED', statusUntil: new Date(Date.now() - 1000), statusReason: 'Spam' },
    });
    await eventually(
      async () =>
        (await prisma.user.findUniqueOrThrow({ where: { id: reader.userId } })).status === 'ACTIVE' ? true : undefined,
      { timeoutMs: 15_000, what: 'the sweep to lift the ban' },
    );
    const user = await prisma.user.findUniqueOrThrow({ where: { id: reader.userId } });
    expect(user).toMatchObject({ statusUntil: null, statusReason: null });
    const ended = await prisma.moderationAction.findMany({
      where: { targetUserId: reader.userId, action: 'SANCTION_ENDED' },
    });
    expect(ended).toHaveLength(1);
    expect(errorCode(await api.gql('{ me { id } }', {}, reader.token))).toBeUndefined();
  });

  it('refuses an end in the past or on a reinstatement', async () => {
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    const reader = await api.register();
    const past = await api.gql(
      SET_STATUS,
      { input: { userId: reader.userId, status: 'SUSPENDED', reason: 'x', until: new Date(0).toISOString() } },
      moderator.token,
    );
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'until' });
    const reinstated = await api.gql(
      SET_STATUS,
      {
        input: {
          userId: reader.userId,
          status: 'ACTIVE',
          reason: 'x',
          until: new Date(Date.now() + 60_000).toISOString(),
        },
      },
      moderator.token,
    );
    expect(reinstated.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'until' });
    const empty = await api.gql(
      SET_STATUS,
      { input: { userId: reader.userId, status: 'SUSPENDED', reason: '' } },
      moderator.token,
    );
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
  });

  it('pre-moderates a user: their next comment is held', async () => {
    const article = await makeArticle(prisma);
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    const reader = await api.register();
    const premod = await api.gql<{ setUserPremod: { premod: boolean } }>(
      'mutation($id: ID!) { setUserPremod(userId: $id, on: true) { premod } }',
      { id: reader.userId },
      moderator.token,
    );
    expect(premod.data!.setUserPremod.premod).toBe(true);
    const commentId = await postComment(api, reader.token, article.id, 'Under watch.');
    await waitForStatus(prisma, commentId, 'HELD');
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: commentId } })).statusReason).toBe('USER_PREMOD');
  });
});
