import { MailRenderer } from '../../src/mail/mail-renderer.js';
import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { TestApi } from '../support/api-client.js';
import { eventually } from '../support/eventually.js';
import { MailCatcher } from '../support/mail-catcher.js';
import { startWorker } from '../support/worker.js';
import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { MailService } from '../../src/mail/mail.service.js';

/**
 * The mail server goes away (connections refused), then answers "try later" (4xx): messages
 * queued meanwhile are retried with backoff and each arrives exactly once after it recovers.
 */
describe('mail while the mail server is down', () => {
  let catcher: MailCatcher;
  let api: TestApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;
  let mail: MailService;

  beforeAll(async () => {
    catcher = await MailCatcher.start();
    process.env['SMTP_URL'] = catcher.url;
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

  async function queueMany(prefix: string, count: number): Promise<string[]> {
    const addresses = Array.from(
      { length: count },
      (_, i) => `${prefix}_${i}_${randomUUID().slice(0, 6)}@example.test`,
    );
    const outboxIds = await prisma.$transaction(async (tx) => {
      const ids: (string | null)[] = [];
      for (const to of addresses) {
        ids.push(
          await mail.queue(tx, {
            template: 'verify-email',
            to,
            idempotencyKey: `outage:${to}`,
            data: { displayName: 'Reader', verifyUrl: 'http://localhost/verify-email?token=t', validHours: 48 },
          }),
        );
      }
      return ids;
    });
    await mail.dispatch(outboxIds);
    return addresses;
  }

  it('retries while connections are refused, and delivers each message exactly once after recovery', async () => {
    await catcher.down();
    const addresses = await queueMany('down', 5);
    // Every message tried and failed at least once while the server was away.
    await eventually(
      async () =>
        (await prisma.outgoingMail.count({
          where: { toAddress: { in: addresses }, status: 'QUEUED', attempts: { gte: 1 } },
        })) === addresses.length,
      { what: 'a failed first attempt of every message', timeoutMs: 30_000 },
    );
    await catcher.up();
    for (const to of addresses) await catcher.waitFor(to, 1, 90_000);
    await eventually(
      async () =>
        (await prisma.outgoingMail.count({ where: { toAddress: { in: addresses }, status: 'SENT' } })) ===
        addresses.length,
    );
    await new Promise((r) => setTimeout(r, 1000));
    for (const to of addresses) expect(catcher.to(to)).toHaveLength(1);
  }, 180_000);

  it('retries after a temporary refusal (4xx), and delivers each message exactly once', async () => {
    catcher.answer(451);
    let addresses: string[] = [];
    try {
      addresses = await queueMany('later', 3);
      // Per address: one message may be retried (and refused again) before another's first try.
      await eventually(() => addresses.every((to) => catcher.refusedTo(to) >= 1), {
        what: () => `a 451 for every message (have ${addresses.map((to) => catcher.refusedTo(to)).join(', ')})`,
        timeoutMs: 30_000,
      });
    } finally {
      catcher.answer(null);
    }
    for (const to of addresses) await catcher.waitFor(to, 1, 90_000);
    const rows = await eventually(
      async () => {
        const sent = await prisma.outgoingMail.findMany({ where: { toAddress: { in: addresses }, status: 'SENT' } });
        return sent.length === addresses.length && sent;
      },
      { timeoutMs: 30_000 },
    );
    for (const row of rows) expect(row.attempts).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 1000));
    for (const to of addresses) expect(catcher.to(to)).toHaveLength(1);
  }, 180_000);
});
