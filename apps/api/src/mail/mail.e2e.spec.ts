import { MailRenderer } from './mail-renderer.js';
import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { eventually } from '../../test/support/eventually.js';
import { MailCatcher } from '../../test/support/mail-catcher.js';
import { registerAs } from '../../test/support/moderation/e2e-helpers.js';
import { startWorker } from '../../test/support/worker.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { JobQueue } from '../infra/queue/job-queue.js';
import { MailService, type MailRequest } from './mail.service.js';

const OUTGOING = `query($status: MailStatus, $after: String) { outgoingMail(first: 50, status: $status, after: $after) {
  nodes { id to subject template status attempts lastError sentAt text html } pageInfo { hasNextPage endCursor } } }`;
const RETRY = `mutation($id: ID!) { retryMail(id: $id) { id status } }`;

interface OutgoingNode {
  id: string;
  to: string;
  subject: string;
  template: string;
  status: string;
  attempts: number;
  lastError: string | null;
  text: string;
  html: string;
}

describe('mail: stored, sent once over SMTP, failures visible to admins', () => {
  let catcher: MailCatcher;
  let api: TestApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;
  let mail: MailService;

  beforeAll(async () => {
    catcher = await MailCatcher.start();
    process.env['SMTP_URL'] = catcher.url;
    process.env['SITE_NAME'] = 'Marginalia Test Edition';
    api = await TestApi.start();
    worker = await startWorker({ mail: true });
    // Compiled now rather than inside the first message's transaction (MJML takes seconds on a busy machine).
    await api.app.get(MailRenderer).warm();
    prisma = api.app.get(PrismaService);
    mail = api.app.get(MailService);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await catcher.close();
  });

  /** Queues in a transaction of its own and dispatches after commit, as a caller does. */
  async function send(request: MailRequest): Promise<string | null> {
    const outboxId = await prisma.$transaction((tx) => mail.queue(tx, request));
    await mail.dispatch([outboxId]);
    return outboxId;
  }

  const verifyRequest = (to: string, key = `test:${randomUUID()}`): MailRequest<'verify-email'> => ({
    template: 'verify-email',
    to,
    idempotencyKey: key,
    data: { displayName: 'Ada <b>Lovelace</b>', verifyUrl: 'http://localhost/verify-email?token=abc', validHours: 48 },
  });

  it('delivers a queued message once, with a text and an HTML part and the site name', async () => {
    const to = `reader_${randomUUID().slice(0, 8)}@example.test`;
    await send(verifyRequest(to));
    const [message] = await catcher.waitFor(to);
    expect(message!.subject).toBe('Confirm your address for Marginalia Test Edition');
    expect(message!.text).toContain('http://localhost/verify-email?token=abc');
    expect(message!.text).toContain('Ada <b>Lovelace</b>');
    expect(message!.text).toContain('Marginalia Test Edition');
    // Handlebars writes `=` as `&#x3D;` in HTML; a browser reads the same URL.
    expect(message!.html).toMatch(/href="http:\/\/localhost\/verify-email\?token(=|&#x3D;)abc"/);
    expect(message!.html).toContain('Marginalia Test Edition');
    // Escaped in HTML: data never becomes markup.
    expect(message!.html).toContain('Ada &lt;b&gt;Lovelace&lt;/b&gt;');
    const row = await eventually(() =>
      prisma.outgoingMail.findFirst({ where: { toAddress: to, status: 'SENT' } }).then((r) => r ?? undefined),
    );
    expect(row.messageId).toBe(message!.mail.messageId);
    expect(row.attempts).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(catcher.to(to)).toHaveLength(1);
  });

  it('sends one message for one idempotency key, even when its job runs twice', async () => {
    const to = `twice_${randomUUID().slice(0, 8)}@example.test`;
    const key = `test:${randomUUID()}`;
    expect(await send(verifyRequest(to, key))).not.toBeNull();
    expect(await send(verifyRequest(to, key))).toBeNull();
    await catcher.waitFor(to);
    const row = await prisma.outgoingMail.findUniqueOrThrow({ where: { idempotencyKey: key } });
    await eventually(async () => (await prisma.outgoingMail.findUnique({ where: { id: row.id } }))?.status === 'SENT');
    // A second delivery of the job (another job id) finds the row SENT.
    await api.app.get(JobQueue).add('send-mail', { mailId: row.id }, randomUUID());
    await new Promise((r) => setTimeout(r, 500));
    expect(catcher.to(to)).toHaveLength(1);
    expect(await prisma.outgoingMail.count({ where: { toAddress: to } })).toBe(1);
  });

  it('gives a message with an unsubscribe URL both one-click headers', async () => {
    const to = `list_${randomUUID().slice(0, 8)}@example.test`;
    const unsubscribe = 'http://localhost/unsubscribe?token=xyz';
    await send({ ...verifyRequest(to), listUnsubscribe: unsubscribe });
    const [message] = await catcher.waitFor(to);
    const header = (key: string): string | undefined => message!.mail.headerLines.find((h) => h.key === key)?.line;
    expect(header('list-unsubscribe')).toBe(`List-Unsubscribe: <${unsubscribe}>`);
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(message!.text).toContain(unsubscribe);
  });

  it('sends nothing to a banned account, or to an address the account has not verified', async () => {
    const user = await api.register({ verified: false });
    const base = { to: user.email, userId: user.userId, data: { displayName: 'X', newEmail: 'new@example.test' } };
    // Not verified: only the messages that prove an address go out.
    expect(await send({ ...base, template: 'email-change-notice', idempotencyKey: `t:${randomUUID()}` })).toBeNull();
    await prisma.user.update({ where: { id: user.userId }, data: { emailVerifiedAt: new Date() } });
    expect(
      await send({ ...base, template: 'email-change-notice', idempotencyKey: `t:${randomUUID()}` }),
    ).not.toBeNull();
    await catcher.waitFor(user.email);
    await prisma.user.update({ where: { id: user.userId }, data: { status: 'BANNED' } });
    expect(await send({ ...verifyRequest(user.email), userId: user.userId })).toBeNull();
  });

  it('marks a message the server refuses for good (5xx) FAILED, shows it to admins, and sends it again on retry', async () => {
    const admin = await registerAs(api, prisma, 'ADMIN');
    const to = `refused_${randomUUID().slice(0, 8)}@example.test`;
    catcher.answer(550);
    try {
      await send(verifyRequest(to));
      await eventually(() =>
        prisma.outgoingMail.findFirst({ where: { toAddress: to, status: 'FAILED' } }).then((r) => r ?? undefined),
      );
    } finally {
      catcher.answer(null);
    }
    const failed = await api.gql<{ outgoingMail: { nodes: OutgoingNode[] } }>(
      OUTGOING,
      { status: 'FAILED' },
      admin.token,
    );
    const node = failed.data!.outgoingMail.nodes.find((n) => n.to === to)!;
    expect(node).toMatchObject({ status: 'FAILED', attempts: 1, template: 'verify-email' });
    expect(node.lastError).toMatch(/550/);
    expect(node.html).toContain('<html');

    // Readers and moderators never see mail.
    const reader = await api.register();
    expect(errorCode(await api.gql(OUTGOING, {}, reader.token))).toBe('FORBIDDEN');

    const retried = await api.gql<{ retryMail: { status: string } }>(RETRY, { id: node.id }, admin.token);
    expect(retried.data?.retryMail.status).toBe('QUEUED');
    await catcher.waitFor(to);
    expect(errorCode(await api.gql(RETRY, { id: node.id }, admin.token))).toBe('CONFLICT');
  });

  it('pages through outgoing mail newest first', async () => {
    const admin = await registerAs(api, prisma, 'ADMIN');
    const first = await api.gql<{ outgoingMail: { nodes: OutgoingNode[]; pageInfo: { endCursor: string } } }>(
      `query { outgoingMail(first: 2) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
      {},
      admin.token,
    );
    expect(first.data!.outgoingMail.nodes).toHaveLength(2);
    const next = await api.gql<{ outgoingMail: { nodes: OutgoingNode[] } }>(
      `query($after: String) { outgoingMail(first: 2, after: $after) { nodes { id } } }`,
      { after: first.data!.outgoingMail.pageInfo.endCursor },
      admin.token,
    );
    const ids = [...first.data!.outgoingMail.nodes, ...next.data!.outgoingMail.nodes].map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
