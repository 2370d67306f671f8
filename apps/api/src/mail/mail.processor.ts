import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Prisma } from '../generated/prisma/client.js';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { HandlesJob, PermanentJobError } from '../infra/queue/job-handler.js';
import type { JobPayloads } from '../infra/queue/jobs.js';
import type { MailHeaders } from './mail.service.js';
import { MailTransport } from './mail-transport.js';

interface MailRow {
  id: string;
  toAddress: string;
  subject: string;
  text: string;
  html: string;
  headers: MailHeaders;
  status: 'QUEUED' | 'SENT' | 'FAILED';
  createdAt: Date;
  userStatus: string | null;
  userDeletedAt: Date | null;
}

/** What one attempt came to; decided inside the row's transaction, acted on after it. */
type Outcome = 'done' | { retry: string } | { failed: string };

/** Errors of the mail server that sending again cannot mend: 5xx answers (refused recipient, sender, content, login). */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500;
}

/**
 * The `send-mail` job: sends one stored message. The row is locked while it is sent, so two
 * deliveries of the job never send it at once, and a row already SENT is never sent again.
 * Every attempt sends the same stored text with the same Message-ID (derived from the row), so a
 * retry after a lost acknowledgement is recognisable as the same message.
 */
@Injectable()
export class MailProcessor {
  private readonly logger = new Logger(MailProcessor.name);
  private readonly messageIdDomain: string;

  constructor(
    private readonly prisma: PrismaService,
    private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.messageIdDomain = new URL(config.PUBLIC_URL).hostname;
  }

  @HandlesJob('send-mail')
  async send({ mailId }: JobPayloads['send-mail'], job: Job<JobPayloads['send-mail']>): Promise<void> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.prisma.$transaction((tx) => this.attempt(tx, mailId, lastAttempt), {
      maxWait: 10_000,
      // Above the transport's own timeouts (mail-transport.ts).
      timeout: 90_000,
    });
    if (outcome === 'done') return;
    if ('failed' in outcome) throw new PermanentJobError(outcome.failed);
    throw new Error(outcome.retry);
  }

  private async attempt(tx: Prisma.TransactionClient, mailId: string, lastAttempt: boolean): Promise<Outcome> {
    const [row] = await tx.$queryRaw<MailRow[]>`
      SELECT m.id, m."toAddress", m.subject, m.text, m.html, m.headers, m.status::text AS status, m."createdAt",
             u.status::text AS "userStatus", u."deletedAt" AS "userDeletedAt"
      FROM "OutgoingMail" m LEFT JOIN "User" u ON u.id = m."userId"
      WHERE m.id = ${mailId}::uuid
      FOR UPDATE OF m SKIP LOCKED`;
    if (!row) {
      const exists = await tx.outgoingMail.count({ where: { id: mailId } });
      // Locked: another delivery of this job is sending it; the next attempt finds it SENT.
      return exists > 0 ? { retry: 'the message is being sent by another delivery of its job' } : 'done';
    }
    if (row.status !== 'QUEUED') return 'done';
    if (row.userStatus === 'BANNED' || row.userDeletedAt) {
      await this.markFailed(tx, mailId, 'not sent: the recipient account was banned or deleted');
      return 'done';
    }
    const messageId = `<${row.id}@${this.messageIdDomain}>`;
    try {
      await this.transport.send({
        from: this.config.MAIL_FROM,
        to: row.toAddress,
        subject: row.subject,
        text: row.text,
        html: row.html,
        headers: row.headers,
        messageId,
        date: row.createdAt,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isPermanent(error) || lastAttempt) {
        await this.markFailed(tx, mailId, message);
        this.logger.warn({ mailId, err: error }, 'mail failed for good');
        return { failed: message };
      }
      await tx.outgoingMail.update({ where: { id: mailId }, data: { attempts: { increment: 1 }, lastError: message } });
      return { retry: message };
    }
    await tx.outgoingMail.update({
      where: { id: mailId },
      data: { status: 'SENT', sentAt: new Date(), messageId, attempts: { increment: 1 }, lastError: null },
    });
    this.logger.debug({ mailId }, 'mail sent');
    return 'done';
  }

  private async markFailed(tx: Prisma.TransactionClient, mailId: string, lastError: string): Promise<void> {
    await tx.outgoingMail.update({
      where: { id: mailId },
      data: { status: 'FAILED', failedAt: new Date(), attempts: { increment: 1 }, lastError },
    });
  }
}
