import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Prisma } from '../generated/prisma/client.js';
import { OutboxService } from '../infra/outbox/outbox.service.js';
import { MailRenderer } from './mail-renderer.js';
import { MAIL_TEMPLATES, type MailTemplateData, type MailTemplateName } from './templates/index.js';

export type { MailTemplateData, MailTemplateName } from './templates/index.js';

export interface MailRequest<T extends MailTemplateName = MailTemplateName> {
  template: T;
  /** The recipient's address. */
  to: string;
  /** The recipient's account, if any: a banned or deleted account, or an address it has not verified, gets nothing. */
  userId?: string | null;
  /** One message per key, e.g. `verify-email:<tokenId>`, `notification:<id>:email`; a second request is a no-op. */
  idempotencyKey: string;
  data: MailTemplateData[T];
  /**
   * One-click unsubscribe URL (RFC 8058); when given, the message carries List-Unsubscribe and
   * List-Unsubscribe-Post: List-Unsubscribe=One-Click, and its footer links to it.
   */
  listUnsubscribe?: string;
}

/** Extra headers stored with a message. */
export type MailHeaders = Record<string, string>;

/**
 * The one way to send mail. A message is rendered and stored in the caller's transaction,
 * with an outbox row for its `send-mail` job (mail/mail.processor.ts): committed together with
 * the change that needs it, sent after commit, retried while the mail server or Redis is down.
 */
@Injectable()
export class MailService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly renderer: MailRenderer,
  ) {}

  /**
   * Inside the caller's transaction: renders the template, inserts the OutgoingMail row (nothing
   * when the idempotencyKey exists: returns null) and an outbox row for the `send-mail` job.
   * Returns the outbox id to hand to dispatch() after commit; null when nothing is to be sent
   * (a repeated key, or a recipient who must not get it).
   */
  async queue<T extends MailTemplateName>(
    tx: Prisma.TransactionClient,
    request: MailRequest<T>,
  ): Promise<string | null> {
    if (request.userId && !(await this.mayReceive(tx, request))) return null;
    const rendered = await this.renderer.render(request.template, request.data, request.listUnsubscribe ?? null);
    const headers: MailHeaders = request.listUnsubscribe
      ? { 'List-Unsubscribe': `<${request.listUnsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
      : {};
    const rows = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO "OutgoingMail" (id, "idempotencyKey", "userId", "toAddress", template, subject, text, html, headers)
      VALUES (${randomUUID()}::uuid, ${request.idempotencyKey}, ${request.userId ?? null}::uuid, ${request.to},
              ${request.template}, ${rendered.subject}, ${rendered.text}, ${rendered.html}, ${JSON.stringify(headers)}::jsonb)
      ON CONFLICT ("idempotencyKey") DO NOTHING
      RETURNING id`;
    const mail = rows[0];
    if (!mail) return null;
    return this.outbox.record(tx, 'send-mail', { mailId: mail.id });
  }

  /** After commit: hands the `send-mail` jobs to the queue (what cannot be handed now, the outbox relay hands later). */
  async dispatch(outboxIds: (string | null)[]): Promise<void> {
    await this.outbox.dispatch(outboxIds.filter((id): id is string => id !== null));
  }

  /**
   * Never to a banned or deleted account; only to the account's own, verified address, except
   * the messages that prove an address (MailTemplate.sendsToUnverifiedAddress).
   */
  private async mayReceive(tx: Prisma.TransactionClient, request: MailRequest): Promise<boolean> {
    const user = await tx.user.findUnique({
      where: { id: request.userId! },
      select: { email: true, emailVerifiedAt: true, status: true, deletedAt: true },
    });
    if (!user || user.status === 'BANNED' || user.deletedAt) return false;
    if (MAIL_TEMPLATES[request.template].sendsToUnverifiedAddress) return true;
    return user.emailVerifiedAt !== null && user.email.toLowerCase() === request.to.toLowerCase();
  }
}
