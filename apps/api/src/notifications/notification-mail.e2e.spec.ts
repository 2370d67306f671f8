import type { INestApplicationContext } from '@nestjs/common';
import { TestApi } from '../../test/support/api-client.js';
import { eventually } from '../../test/support/eventually.js';
import { MailCatcher, type CaughtMail } from '../../test/support/mail-catcher.js';
import { makeArticle } from '../../test/support/factories.js';
import { postComment, postReply, registerAs, waitForStatus } from '../../test/support/moderation/e2e-helpers.js';
import { startWorker } from '../../test/support/worker.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { JobQueue } from '../infra/queue/job-queue.js';
import { DailyNotificationsProcessor } from './daily/daily-notifications.processor.js';

const UPDATE = `mutation($input: UpdateNotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) { preferences { kind email } } }`;
const MODERATE = `mutation($input: ModerateCommentInput!) { moderateComment(input: $input) { id } }`;

interface Person {
  token: string;
  userId: string;
  email: string;
  handle: string;
}

describe('notifications by mail, over SMTP', () => {
  let catcher: MailCatcher;
  let api: TestApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;

  beforeAll(async () => {
    catcher = await MailCatcher.start();
    process.env['SMTP_URL'] = catcher.url;
    api = await TestApi.start();
    // The worker writes the links of the messages: to this API.
    process.env['PUBLIC_URL'] = api.url;
    worker = await startWorker({ mail: true });
    delete process.env['PUBLIC_URL'];
    prisma = api.app.get(PrismaService);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await catcher.close();
  });

  /** A reader with a verified address (unless told otherwise). */
  async function person(verified = true): Promise<Person> {
    const handle = `m_${Math.random().toString(36).slice(2, 10)}`;
    const user = await api.register({ handle, verified });
    return { token: user.token, userId: user.userId, email: user.email, handle };
  }

  /** Messages to `address`, but for the verification every registration sends. */
  const notices = (address: string): CaughtMail[] =>
    catcher.to(address).filter((m) => !m.subject.startsWith('Confirm your address'));
  const waitForNotices = (address: string, count = 1): Promise<CaughtMail[]> =>
    eventually(() => notices(address).length >= count && notices(address), {
      timeoutMs: 15_000,
      what: () => `${count} notification message(s) to ${address} (have ${notices(address).length})`,
    });

  const prefer = (who: Person, kind: string, email: string) =>
    api.gql(UPDATE, { input: { preferences: [{ kind, inApp: true, email }] } }, who.token);

  /** The notification of `kind` about `commentId` for `who`, once written. */
  const notificationOf = (who: Person, commentId: string, kind = 'REPLY') =>
    eventually(() =>
      prisma.notification
        .findFirst({ where: { userId: who.userId, commentId, kind: kind as never } })
        .then((n) => n ?? undefined),
    );

  /** Waits until the notification's mail job (if it has one) has run; returns whether it had one. */
  async function mailJobDone(notificationId: string): Promise<boolean> {
    const [row] = await prisma.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM "Outbox" WHERE "jobName" = 'notification-mail' AND payload->>'notificationId' = ${notificationId}`;
    if (!row) return false;
    const queue = worker.get(JobQueue).queue('email');
    await eventually(async () => ((await (await queue.getJob(row.id))?.isCompleted()) ? true : undefined), {
      what: 'the notification-mail job',
    });
    return true;
  }

  const mailFor = (notificationId: string) =>
    prisma.outgoingMail.findUnique({ where: { idempotencyKey: `notification:${notificationId}:email` } });

  /** The URL in a message's List-Unsubscribe header. */
  const unsubscribeLink = (message: CaughtMail): string => {
    const line = message.mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
    return /<([^>]+)>/.exec(line)?.[1] ?? '';
  };

  async function conversation(article: { id: string; text: string }) {
    const parentAuthor = await person();
    const replier = await person();
    const exact = article.text.slice(0, 24);
    const parentId = await postComment(api, parentAuthor.token, article.id, 'The passage says more than it seems.', {
      start: 0,
      end: exact.length,
      exact,
    });
    await waitForStatus(prisma, parentId, 'PUBLISHED');
    return { parentAuthor, replier, parentId };
  }

  it('mails a reply at once, with the excerpt, the passage, the permalink and a one-click unsubscribe', async () => {
    const article = await makeArticle(prisma);
    const { parentAuthor, replier, parentId } = await conversation(article);
    const replyId = await postReply(api, replier.token, parentId, 'I read it the other way round, and here is why.');
    const [message] = await waitForNotices(parentAuthor.email);
    expect(message!.subject).toMatch(/replied to your comment/);
    expect(message!.text).toContain('I read it the other way round');
    expect(message!.text).toContain(`${api.url}/a/${article.slug}/c/${replyId}`);
    expect(message!.text).toContain(`On the passage: “${article.text.slice(0, 24).replace(/\s+/g, ' ')}”`);
    expect(message!.html).toContain('I read it the other way round');
    expect(message!.mail.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    expect(unsubscribeLink(message!)).toMatch(/\/unsubscribe\?token=/);
  });

  it('mails a mention; sends nothing for OFF; keeps DAILY_DIGEST for the digest', async () => {
    const article = await makeArticle(prisma);
    const author = await person();
    const [now, off, digest] = [await person(), await person(), await person()];
    await prefer(off, 'MENTION', 'OFF');
    await prefer(digest, 'MENTION', 'DAILY_DIGEST');
    const commentId = await postComment(
      api,
      author.token,
      article.id,
      `Asking @${now.handle}, @${off.handle} and @${digest.handle}.`,
    );
    await waitForStatus(prisma, commentId, 'PUBLISHED');

    const [mention] = await waitForNotices(now.email);
    expect(mention!.subject).toMatch(/mentioned you/);
    const [offNote, digestNote] = [
      await notificationOf(off, commentId, 'MENTION'),
      await notificationOf(digest, commentId, 'MENTION'),
    ];
    expect(await mailJobDone(offNote.id)).toBe(false);
    expect(await mailJobDone(digestNote.id)).toBe(false);
    expect(digestNote.digestPending).toBe(true);
    expect(notices(off.email).concat(notices(digest.email))).toEqual([]);

    // The digest goes out once the recipient's morning comes (08:00 in their time zone, UTC here).
    const daily = worker.get(DailyNotificationsProcessor);
    const before = new Date();
    before.setUTCHours(7, 0, 0, 0);
    await daily.run(before);
    expect(await prisma.notification.count({ where: { userId: digest.userId, digestPending: true } })).toBe(1);
    const morning = new Date(before.getTime() + 2 * 3600_000);
    await daily.run(morning);
    const [sent] = await waitForNotices(digest.email);
    expect(sent!.subject).toMatch(/digest: 1 new/);
    expect(sent!.text).toContain('mentioned you');
    expect(sent!.text).toContain(`/c/${commentId}`);
    expect(await prisma.notification.count({ where: { userId: digest.userId, digestPending: true } })).toBe(0);
    await daily.run(new Date(morning.getTime() + 3600_000));
    await new Promise((r) => setTimeout(r, 300));
    expect(notices(digest.email)).toHaveLength(1);
  });

  it('mails a moderation outcome to an author who asked for it, with its category', async () => {
    const article = await makeArticle(prisma);
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    const author = await person();
    await prefer(author, 'MODERATION', 'IMMEDIATE');
    const commentId = await postComment(api, author.token, article.id, 'Something a moderator will not keep.');
    await waitForStatus(prisma, commentId, 'PUBLISHED');
    const rejected = await api.gql(
      MODERATE,
      { input: { commentId, action: 'REJECT', category: 'SPAM', reason: 'advertising' } },
      moderator.token,
    );
    expect(rejected.errors).toBeUndefined();
    const [message] = await waitForNotices(author.email);
    expect(message!.subject).toBe('A moderator rejected your comment (spam)');
  });

  it('mails nothing about a held comment, nor to an unverified or banned recipient', async () => {
    const held = await makeArticle(prisma, { premod: true });
    const author = await person();
    const mentioned = await person();
    const heldId = await postComment(api, author.token, held.id, `Held, mentioning @${mentioned.handle}.`);
    await waitForStatus(prisma, heldId, 'HELD');
    expect(await prisma.notification.count({ where: { userId: mentioned.userId } })).toBe(0);

    const article = await makeArticle(prisma);
    const unverified = await person(false);
    const banned = await person();
    await prisma.user.update({ where: { id: banned.userId }, data: { status: 'BANNED' } });
    const commentId = await postComment(
      api,
      author.token,
      article.id,
      `Hello @${unverified.handle} and @${banned.handle}.`,
    );
    await waitForStatus(prisma, commentId, 'PUBLISHED');
    const toUnverified = await notificationOf(unverified, commentId, 'MENTION');
    expect(await mailJobDone(toUnverified.id)).toBe(true);
    expect(await mailFor(toUnverified.id)).toBeNull();
    expect(await prisma.notification.count({ where: { userId: banned.userId } })).toBe(0);
    expect(notices(unverified.email).concat(notices(banned.email))).toEqual([]);
  });

  it('unsubscribes in one click from the List-Unsubscribe header; the next reply sends no mail', async () => {
    const article = await makeArticle(prisma);
    const { parentAuthor, replier, parentId } = await conversation(article);
    await postReply(api, replier.token, parentId, 'A first reply.');
    const [message] = await waitForNotices(parentAuthor.email);
    const link = unsubscribeLink(message!);
    expect(link.startsWith(`${api.url}/unsubscribe?token=`)).toBe(true);

    // A GET (a mail client's prefetch) only shows the button.
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<button type="submit">Unsubscribe</button>');
    const forged = await fetch(link.replace(/.{4}$/, 'AAAA'), { method: 'POST' });
    expect(forged.status).toBe(400);
    const kept = await prisma.notificationPreference.findUnique({
      where: { userId_kind: { userId: parentAuthor.userId, kind: 'REPLY' } },
    });
    expect(kept?.email ?? 'IMMEDIATE').toBe('IMMEDIATE');

    const posted = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain('You will no longer receive emails about replies');
    const pref = await prisma.notificationPreference.findUniqueOrThrow({
      where: { userId_kind: { userId: parentAuthor.userId, kind: 'REPLY' } },
    });
    expect(pref).toMatchObject({ inApp: true, email: 'OFF' });

    const secondId = await postReply(api, replier.token, parentId, 'A second reply.');
    const second = await notificationOf(parentAuthor, secondId);
    expect(second.inApp).toBe(true);
    expect(await mailJobDone(second.id)).toBe(false);
    expect(notices(parentAuthor.email)).toHaveLength(1);
  });
});

export type { CaughtMail };
