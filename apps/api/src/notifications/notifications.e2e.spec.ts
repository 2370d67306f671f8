import type { INestApplicationContext } from '@nestjs/common';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { startWorker } from '../../test/support/worker.js';
import {
  postComment,
  postReply,
  registerAs,
  subscribe,
  waitForStatus,
} from '../../test/support/moderation/e2e-helpers.js';
import { eventually } from '../../test/support/eventually.js';
import { DailyNotificationsProcessor } from './daily/daily-notifications.processor.js';

const NOTIFICATIONS = '{ notifications { unreadCount items { id kind message commentId articleSlug read } } }';
const SETTINGS = '{ notificationSettings { timeZone preferences { kind inApp email } } }';
const UPDATE = `mutation($input: UpdateNotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) { timeZone preferences { kind inApp email } } }`;
const EDIT = 'mutation($input: EditCommentInput!) { editComment(input: $input) { id } }';
const LIVE = 'subscription { notificationAdded { id kind message commentId articleSlug read } }';

interface Item {
  id: string;
  kind: string;
  message: string;
  commentId: string;
  articleSlug: string | null;
  read: boolean;
}

describe('notifications: mentions, preferences and live delivery', () => {
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

  const handle = (): string => `u_${Math.random().toString(36).slice(2, 10)}`;
  const inbox = async (token: string): Promise<{ unreadCount: number; items: Item[] }> => {
    const res = await api.gql<{ notifications: { unreadCount: number; items: Item[] } }>(NOTIFICATIONS, {}, token);
    expect(res.errors).toBeUndefined();
    return res.data!.notifications;
  };

  it('tells a mentioned user once, not the author, and a reply’s parent author only of the reply', async () => {
    const article = await makeArticle(prisma);
    const [aliceHandle, bobHandle, carolHandle] = [handle(), handle(), handle()];
    const alice = await api.register({ handle: aliceHandle });
    const bob = await api.register({ handle: bobHandle });
    const carol = await api.register({ handle: carolHandle });
    const parentId = await postComment(api, alice.token, article.id, 'A first thought on the passage.');
    await waitForStatus(prisma, parentId, 'PUBLISHED');
    const body = `Replying to @${aliceHandle} and asking @${bobHandle.toUpperCase()} and @${bobHandle}; me: @${carolHandle}`;
    const replyId = await postReply(api, carol.token, parentId, body);
    await waitForStatus(prisma, replyId, 'PUBLISHED');

    expect((await inbox(alice.token)).items).toEqual([
      expect.objectContaining({ kind: 'REPLY', commentId: replyId, articleSlug: article.slug }),
    ]);
    expect((await inbox(bob.token)).items).toEqual([
      expect.objectContaining({
        kind: 'MENTION',
        commentId: replyId,
        message: expect.stringContaining('mentioned you'),
      }),
    ]);
    expect((await inbox(carol.token)).items).toEqual([]);
  });

  it('tells only newly mentioned users after an edit', async () => {
    const article = await makeArticle(prisma);
    const [bobHandle, danHandle] = [handle(), handle()];
    const author = await api.register();
    const bob = await api.register({ handle: bobHandle });
    const dan = await api.register({ handle: danHandle });
    const commentId = await postComment(api, author.token, article.id, `What do you think, @${bobHandle}?`);
    await waitForStatus(prisma, commentId, 'PUBLISHED');
    const edited = await api.gql(
      EDIT,
      { input: { commentId, body: `What do you think, @${bobHandle} and @${danHandle}?` } },
      author.token,
    );
    expect(edited.errors).toBeUndefined();
    await waitForStatus(prisma, commentId, 'PUBLISHED');
    await eventually(async () => ((await inbox(dan.token)).items.length === 1 ? true : undefined), {
      timeoutMs: 10_000,
      what: 'the new mention',
    });
    expect((await inbox(bob.token)).items).toHaveLength(1);
  });

  it('tells nobody of a held comment until it is published, and never a banned user', async () => {
    const article = await makeArticle(prisma, { premod: true });
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    const [bobHandle, eveHandle] = [handle(), handle()];
    const author = await api.register();
    const bob = await api.register({ handle: bobHandle });
    const eve = await api.register({ handle: eveHandle });
    await prisma.user.update({ where: { id: eve.userId }, data: { status: 'BANNED' } });
    const commentId = await postComment(api, author.token, article.id, `Held: @${bobHandle} @${eveHandle}`);
    await waitForStatus(prisma, commentId, 'HELD');
    expect((await inbox(bob.token)).items).toEqual([]);

    const approved = await api.gql(
      `mutation($input: ModerateCommentInput!) { moderateComment(input: $input) { id } }`,
      { input: { commentId, action: 'APPROVE', reason: 'fine' } },
      moderator.token,
    );
    expect(approved.errors).toBeUndefined();
    expect((await inbox(bob.token)).items).toEqual([expect.objectContaining({ kind: 'MENTION', commentId })]);
    expect((await inbox(author.token)).items).toEqual([expect.objectContaining({ kind: 'MODERATION', commentId })]);
    expect(await prisma.notification.count({ where: { userId: eve.userId } })).toBe(0);
  });

  it('lists every kind with its defaults, saves preferences and a time zone, and refuses bad ones', async () => {
    const reader = await api.register();
    const before = await api.gql<{ notificationSettings: unknown }>(SETTINGS, {}, reader.token);
    expect(before.data!.notificationSettings).toEqual({
      timeZone: 'UTC',
      preferences: [
        { kind: 'REPLY', inApp: true, email: 'IMMEDIATE' },
        { kind: 'MENTION', inApp: true, email: 'IMMEDIATE' },
        { kind: 'MODERATION', inApp: true, email: 'OFF' },
      ],
    });
    const saved = await api.gql<{ updateNotificationPreferences: { timeZone: string; preferences: unknown[] } }>(
      UPDATE,
      { input: { preferences: [{ kind: 'MENTION', inApp: false, email: 'DAILY_DIGEST' }], timeZone: 'Europe/Paris' } },
      reader.token,
    );
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.updateNotificationPreferences.timeZone).toBe('Europe/Paris');
    expect(saved.data!.updateNotificationPreferences.preferences).toContainEqual({
      kind: 'MENTION',
      inApp: false,
      email: 'DAILY_DIGEST',
    });

    const badZone = await api.gql(UPDATE, { input: { preferences: [], timeZone: 'Mars/Olympus' } }, reader.token);
    expect(errorCode(badZone)).toBe('BAD_USER_INPUT');
    const staffOnly = await api.gql(
      UPDATE,
      { input: { preferences: [{ kind: 'QUEUE_SUMMARY', inApp: true, email: 'OFF' }] } },
      reader.token,
    );
    expect(errorCode(staffOnly)).toBe('FORBIDDEN');

    const moderator = await registerAs(api, prisma, 'MODERATOR');
    const staff = await api.gql<{ notificationSettings: { preferences: Array<{ kind: string }> } }>(
      SETTINGS,
      {},
      moderator.token,
    );
    expect(staff.data!.notificationSettings.preferences).toContainEqual({
      kind: 'QUEUE_SUMMARY',
      inApp: false,
      email: 'DAILY_DIGEST',
    });
  });

  it('keeps a notification the recipient wants by mail only out of the list', async () => {
    const article = await makeArticle(prisma);
    const parentAuthor = await api.register();
    const replier = await api.register();
    await api.gql(
      UPDATE,
      { input: { preferences: [{ kind: 'REPLY', inApp: false, email: 'IMMEDIATE' }] } },
      parentAuthor.token,
    );
    const parentId = await postComment(api, parentAuthor.token, article.id, 'Tell me by mail only.');
    await waitForStatus(prisma, parentId, 'PUBLISHED');
    const replyId = await postReply(api, replier.token, parentId, 'A reply by mail.');
    await waitForStatus(prisma, replyId, 'PUBLISHED');
    expect(await inbox(parentAuthor.token)).toEqual({ unreadCount: 0, items: [] });
    expect(await prisma.notification.findMany({ where: { userId: parentAuthor.userId } })).toEqual([
      expect.objectContaining({ kind: 'REPLY', commentId: replyId, inApp: false }),
    ]);

    await api.gql(
      UPDATE,
      { input: { preferences: [{ kind: 'REPLY', inApp: false, email: 'OFF' }] } },
      parentAuthor.token,
    );
    const second = await postReply(api, replier.token, parentId, 'A reply nobody is told of.');
    await waitForStatus(prisma, second, 'PUBLISHED');
    expect(await prisma.notification.count({ where: { userId: parentAuthor.userId } })).toBe(1);
  });

  it('delivers the signed-in user’s own new notifications live, and no one else’s', async () => {
    const article = await makeArticle(prisma);
    const parentAuthor = await api.register();
    const bystander = await api.register();
    const replier = await api.register();
    const parentId = await postComment(api, parentAuthor.token, article.id, 'Waiting for replies, live.');
    await waitForStatus(prisma, parentId, 'PUBLISHED');
    const mine = subscribe<Item>(api, LIVE, 'notificationAdded', parentAuthor.token);
    const theirs = subscribe<Item>(api, LIVE, 'notificationAdded', bystander.token);
    await Promise.all([mine.connected, theirs.connected]);
    await new Promise((r) => setTimeout(r, 200));

    const replyId = await postReply(api, replier.token, parentId, 'A live reply.');
    const event = await eventually(() => mine.events[0], { timeoutMs: 10_000, what: 'the live notification' });
    expect(event).toMatchObject({ kind: 'REPLY', commentId: replyId, articleSlug: article.slug, read: false });
    expect(mine.errors).toEqual([]);
    expect(theirs.events).toEqual([]);

    const anonymous = subscribe<Item>(api, LIVE, 'notificationAdded');
    await eventually(() => (anonymous.errors.length > 0 ? true : undefined), { timeoutMs: 5_000, what: 'a refusal' });
    await Promise.all([mine.dispose(), theirs.dispose(), anonymous.dispose()]);
  });

  it('tells staff the queue sizes once a day, after 08:00 in their time zone', async () => {
    const daily = worker.get(DailyNotificationsProcessor);
    // Staff of earlier tests get theirs too; only these two matter here.
    const paris = await registerAs(api, prisma, 'MODERATOR');
    const tokyo = await registerAs(api, prisma, 'ADMIN');
    await prisma.user.update({ where: { id: paris.userId }, data: { timeZone: 'Europe/Paris' } });
    await prisma.user.update({ where: { id: tokyo.userId }, data: { timeZone: 'Asia/Tokyo' } });
    await api.gql(
      UPDATE,
      { input: { preferences: [{ kind: 'QUEUE_SUMMARY', inApp: true, email: 'OFF' }] } },
      paris.token,
    );
    const summaries = (userId: string) => prisma.notification.findMany({ where: { userId, kind: 'QUEUE_SUMMARY' } });

    // 06:30 UTC: 07:30 in Paris (not yet), 15:30 in Tokyo.
    await daily.run(new Date('2031-03-04T06:30:00Z'));
    expect(await summaries(paris.userId)).toEqual([]);
    // By digest (the default), which the same run sent, or dropped for an unverified address.
    expect(await summaries(tokyo.userId)).toEqual([
      expect.objectContaining({ inApp: false, digestPending: false, message: expect.stringMatching(/\d+ pending/) }),
    ]);
    // 07:15 UTC: 08:15 in Paris.
    await daily.run(new Date('2031-03-04T07:15:00Z'));
    expect(await summaries(paris.userId)).toEqual([expect.objectContaining({ inApp: true, digestPending: false })]);
    expect((await inbox(paris.token)).items).toEqual([expect.objectContaining({ kind: 'QUEUE_SUMMARY' })]);
    // Later the same local day: nothing more; the next morning: one more.
    await daily.run(new Date('2031-03-04T20:00:00Z'));
    expect(await summaries(paris.userId)).toHaveLength(1);
    await daily.run(new Date('2031-03-05T07:05:00Z'));
    expect(await summaries(paris.userId)).toHaveLength(2);
    expect(await summaries(tokyo.userId)).toHaveLength(2);
  });
});
