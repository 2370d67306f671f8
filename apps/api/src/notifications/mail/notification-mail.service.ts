import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EmailPreference, NotificationKind } from '../../generated/prisma/enums.js';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/env.js';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { MailService } from '../../mail/mail.service.js';
import type { NotificationMailItem } from '../../mail/templates/notification.templates.js';
import { localDateSql, morningCameSql } from '../daily/morning.js';
import { effectivePreferenceSql } from '../preferences/preference-defaults.js';
import { UnsubscribeService } from './unsubscribe.service.js';

interface MailableRow {
  id: string;
  kind: NotificationKind;
  message: string;
  userId: string;
  commentId: string | null;
  email: string;
  displayName: string;
  role: string;
  commentStatus: string | null;
  commentAuthorId: string | null;
  bodySource: string | null;
  passage: string | null;
  slug: string | null;
  title: string | null;
  emailPreference: EmailPreference;
}

const pref = effectivePreferenceSql('n.kind', 'p');
const MAILABLE = `
  SELECT n.id, n.kind::text AS kind, n.message, n."userId", n."commentId",
    u.email, u."displayName", u.role::text AS role,
    c.status::text AS "commentStatus", c."authorId" AS "commentAuthorId", c."bodySource",
    t.anchor->'quote'->>'exact' AS passage, a.slug, a.title, ${pref.email} AS "emailPreference"
  FROM "Notification" n
  JOIN "User" u ON u.id = n."userId"
  LEFT JOIN "NotificationPreference" p ON p."userId" = n."userId" AND p.kind = n.kind
  LEFT JOIN "Comment" c ON c.id = n."commentId"
  LEFT JOIN "Thread" t ON t.id = c."threadId"
  LEFT JOIN "Article" a ON a.id = t."articleId"`;

const EXCERPT = 280;
const PASSAGE = 200;

/** Plain text, whitespace folded, cut at a word near `max` characters. */
export function shorten(text: string | null, max: number): string | null {
  if (!text) return null;
  const plain = text.replace(/\s+/g, ' ').trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).trimEnd()}…`;
}

/**
 * Whether the recipient may see what the notification is about now (the comment may have been
 * hidden, rejected or deleted since): a published comment, or their own comment unless deleted;
 * the queue summary only while they are staff.
 */
export function mayStillSee(
  row: Pick<MailableRow, 'kind' | 'role' | 'userId' | 'commentStatus' | 'commentAuthorId'>,
): boolean {
  if (row.kind === 'QUEUE_SUMMARY') return row.role === 'MODERATOR' || row.role === 'ADMIN';
  if (row.commentStatus === 'PUBLISHED') return true;
  return row.commentAuthorId === row.userId && row.commentStatus !== null && row.commentStatus !== 'DELETED';
}

/**
 * Notifications by mail, through MailService (which also refuses banned and deleted accounts
 * and unverified addresses): one message per notification for IMMEDIATE, one digest a day for
 * DAILY_DIGEST. What is sent is decided at send time, with the comment's status and the
 * preference as they are then. It runs in the worker, whose queue connections close while a
 * draining job finishes: the `send-mail` outbox rows it writes are handed over by the
 * worker's outbox relay (within a second or two), not dispatched here.
 */
@Injectable()
export class NotificationMailService {
  private readonly logger = new Logger(NotificationMailService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly mail: MailService,
    private readonly unsubscribe: UnsubscribeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The `notification-mail` job: one message, once (its idempotency key), if still wanted and visible. */
  async sendImmediate(notificationId: string): Promise<boolean> {
    const [row] = await this.prisma.$queryRawUnsafe<MailableRow[]>(`${MAILABLE} WHERE n.id = $1::uuid`, notificationId);
    if (!row || row.emailPreference !== 'IMMEDIATE' || !mayStillSee(row)) return false;
    const outboxId = await this.prisma.$transaction((tx) =>
      this.mail.queue(tx, {
        template: 'notification',
        to: row.email,
        userId: row.userId,
        idempotencyKey: `notification:${row.id}:email`,
        data: { displayName: row.displayName, ...this.item(row) },
        listUnsubscribe: this.unsubscribe.url(row.userId, row.kind),
      }),
    );
    return outboxId !== null;
  }

  /**
   * Each user whose morning came (MORNING_HOUR in their time zone) and who has notifications
   * waiting gets one digest a day (key `digest:<user>:<local date>`); the items it covers, and
   * those they may no longer see or no longer want by digest, stop waiting. Items written after
   * today's digest wait for tomorrow's. Returns how many digests were queued.
   */
  async sendDigests(now: Date): Promise<number> {
    const due = await this.prisma.$queryRawUnsafe<Array<{ userId: string; localDate: string }>>(
      `SELECT u.id AS "userId", ${localDateSql('$1::timestamptz', 'u."timeZone"')} AS "localDate"
       FROM (SELECT DISTINCT "userId" FROM "Notification" WHERE "digestPending") w
       JOIN "User" u ON u.id = w."userId"
       WHERE ${morningCameSql('$1::timestamptz', 'u."timeZone"')}`,
      now.toISOString(),
    );
    let sent = 0;
    for (const { userId, localDate } of due) {
      try {
        if (await this.sendDigest(userId, localDate)) sent += 1;
      } catch (error) {
        // One user's failure must not hold back the others; the next run tries again.
        this.logger.warn({ err: error, userId }, 'could not send a digest');
      }
    }
    return sent;
  }

  private async sendDigest(userId: string, localDate: string): Promise<boolean> {
    const idempotencyKey = `digest:${userId}:${localDate}`;
    const already = await this.prisma.outgoingMail.findUnique({ where: { idempotencyKey }, select: { id: true } });
    if (already) return false;
    const rows = await this.prisma.$queryRawUnsafe<MailableRow[]>(
      `${MAILABLE} WHERE n."userId" = $1::uuid AND n."digestPending" ORDER BY n."createdAt", n.id`,
      userId,
    );
    const first = rows[0];
    if (!first) return false;
    const items = rows.filter((r) => r.emailPreference === 'DAILY_DIGEST' && mayStillSee(r)).map((r) => this.item(r));
    const outboxId = await this.prisma.$transaction(async (tx) => {
      const queued =
        items.length === 0
          ? null
          : await this.mail.queue(tx, {
              template: 'notification-digest',
              to: first.email,
              userId,
              idempotencyKey,
              data: { displayName: first.displayName, count: items.length, items },
              listUnsubscribe: this.unsubscribe.url(userId, 'DIGEST'),
            });
      await tx.notification.updateMany({
        where: { id: { in: rows.map((r) => r.id) }, digestPending: true },
        data: { digestPending: false },
      });
      return queued;
    });
    return outboxId !== null;
  }

  private item(row: MailableRow): NotificationMailItem {
    const base = this.config.PUBLIC_URL;
    return {
      message: row.message,
      excerpt: shorten(row.bodySource, EXCERPT),
      passage: shorten(row.passage, PASSAGE),
      articleTitle: row.title,
      url:
        row.kind === 'QUEUE_SUMMARY' || !row.slug || !row.commentId
          ? `${base}/moderate`
          : `${base}/a/${encodeURIComponent(row.slug)}/c/${encodeURIComponent(row.commentId)}`,
    };
  }
}
