import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import type { Prisma } from '../generated/prisma/client.js';
import { DomainError, notFound } from '../infra/errors/domain-error.js';
import { decodeTimeCursor, encodeTimeCursor } from '../infra/pagination/cursor.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import type { OutgoingMailArgs } from './dto/outgoing-mail.args.js';
import { MailService } from './mail.service.js';
import type { OutgoingMailConnectionModel, OutgoingMailModel } from './models/outgoing-mail.model.js';
import { OutboxService } from '../infra/outbox/outbox.service.js';

/** The list's one order: newest first. */
const MAIL_ORDER = 'mail:newest';

const SELECT = {
  id: true,
  toAddress: true,
  subject: true,
  template: true,
  status: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
  failedAt: true,
  text: true,
  html: true,
} as const satisfies Prisma.OutgoingMailSelect;

type Row = Prisma.OutgoingMailGetPayload<{ select: typeof SELECT }>;

/** The secret of a mailed link (account tokens are 43 characters of base64url); in HTML `=` reads `&#x3D;`. */
const LINK_TOKEN = /(\btoken(?:=|&#x3D;))[A-Za-z0-9_-]{20,}/g;

/**
 * Outside demo mode the secrets of mailed links are hidden: an admin reading the outbox must not
 * be able to follow another user's reset link. The demo shows them, so its mail can be followed.
 */
const toModel = ({ toAddress, ...row }: Row, showLinks: boolean): OutgoingMailModel => ({
  ...row,
  to: toAddress,
  text: showLinks ? row.text : row.text.replace(LINK_TOKEN, '$1(hidden)'),
  html: showLinks ? row.html : row.html.replace(LINK_TOKEN, '$1(hidden)'),
});

/** Admin → Outgoing mail: every stored message, newest first, and sending a failed one again. */
@Injectable()
export class OutgoingMailService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly outbox: OutboxService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(args: OutgoingMailArgs): Promise<OutgoingMailConnectionModel> {
    const where: Prisma.OutgoingMailWhereInput[] = [];
    if (args.status) where.push({ status: args.status });
    const cursor = decodeTimeCursor(MAIL_ORDER, args.after);
    if (cursor) {
      where.push({
        OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
      });
    }
    const rows = await this.prisma.outgoingMail.findMany({
      where: { AND: where },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: args.first + 1,
      select: SELECT,
    });
    const page = rows.slice(0, args.first);
    const last = page.at(-1);
    return {
      nodes: page.map((row) => toModel(row, this.config.DEMO_MODE)),
      pageInfo: {
        hasNextPage: rows.length > args.first,
        endCursor: last ? encodeTimeCursor(MAIL_ORDER, { createdAt: last.createdAt, id: last.id }) : null,
      },
    };
  }

  /** A FAILED message back to QUEUED with a fresh `send-mail` job (its attempts start over). */
  async retry(id: string): Promise<OutgoingMailModel> {
    const { row, outboxId } = await this.prisma.$transaction(async (tx) => {
      const changed = await tx.outgoingMail.updateMany({
        where: { id, status: 'FAILED' },
        data: { status: 'QUEUED', failedAt: null },
      });
      if (changed.count === 0) {
        const exists = await tx.outgoingMail.count({ where: { id } });
        if (!exists) throw notFound('Message', 'id');
        throw new DomainError('CONFLICT', 'Only a message that failed can be sent again', 'id');
      }
      const outboxId = await this.outbox.record(tx, 'send-mail', { mailId: id });
      return { row: await tx.outgoingMail.findUniqueOrThrow({ where: { id }, select: SELECT }), outboxId };
    });
    await this.mail.dispatch([outboxId]);
    return toModel(row, this.config.DEMO_MODE);
  }
}
