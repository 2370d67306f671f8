import type { Prisma } from '../generated/prisma/client.js';
import type { NotificationKind } from '../generated/prisma/enums.js';
import type { OutboxEntry } from '../infra/outbox/outbox.service.js';
import { JOBS } from '../infra/queue/jobs.js';
import { mentionedHandles } from '../comments/mentions.js';
import { effectivePreferenceSql } from './preferences/preference-defaults.js';

/** Human-readable labels of the statusReason codes an author may see in a notification. */
const REJECTION_LABELS: Record<string, string> = {
  REJECTED_SPAM: 'spam',
  REJECTED_ABUSE: 'abuse',
  REJECTED_OFFENSIVE: 'offensive',
  REJECTED_OFF_TOPIC: 'off topic',
  REJECTED_MISINFORMATION: 'misinformation',
  REJECTED_OTHER: 'other',
};

export const replyMessage = (replierName: string): string => `${replierName} replied to your comment`;
export const mentionMessage = (authorName: string): string => `${authorName} mentioned you in a comment`;

/** A notification just written, as the live subscription and the web client's list show it. */
export interface WrittenNotification {
  id: string;
  userId: string;
  kind: NotificationKind;
  message: string;
  commentId: string | null;
  articleSlug: string | null;
  /** False for a row written only for mail: nobody is told live. */
  inApp: boolean;
  createdAt: string;
}

/** What a statement that writes notifications returns: the rows, and the outbox rows of their immediate mail. */
export interface NotificationWrites {
  notified: WrittenNotification[];
  mail: OutboxEntry[];
}

const MAIL_JOB = 'notification-mail';

/**
 * The CTEs (`notify_candidates`, `notified`, `notification_mail`) that write notifications for
 * the rows of `source` (columns "userId", kind, message, "commentId"): never to a banned or
 * deleted account, and as the recipient's preferences say — no row when they want neither
 * in-app nor mail; a row hidden from the list (inApp false) when they want mail only; a
 * digest-pending row for the daily digest; and, for immediate mail, an outbox row for its
 * `notification-mail` job in the same statement, so the mail is as durable as the notification.
 */
export function notificationWritesSql(source: string, now: string): string {
  const pref = effectivePreferenceSql('s.kind', 'p');
  return `
    notify_candidates AS (
      SELECT gen_random_uuid() AS id, s."userId", s.kind, s.message, s."commentId",
        ${pref.inApp} AS "inApp", ${pref.email} AS email
      FROM (${source}) s
      JOIN "User" u ON u.id = s."userId" AND u.status <> 'BANNED' AND u."deletedAt" IS NULL
      LEFT JOIN "NotificationPreference" p ON p."userId" = s."userId" AND p.kind = s.kind
      WHERE ${pref.inApp} OR ${pref.email} <> 'OFF'
    ), notified AS (
      INSERT INTO "Notification" (id, "userId", kind, "commentId", message, "inApp", "digestPending", "createdAt")
      SELECT id, "userId", kind, "commentId", message, "inApp", email = 'DAILY_DIGEST', ${now} FROM notify_candidates
      RETURNING id, "userId", kind::text AS kind, message, "commentId", "inApp", "createdAt"
    ), notification_mail AS (
      INSERT INTO "Outbox" (id, queue, "jobName", payload, "createdAt")
      SELECT gen_random_uuid(), '${JOBS[MAIL_JOB].queue}', '${MAIL_JOB}', jsonb_build_object('notificationId', id), ${now}
      FROM notify_candidates WHERE email = 'IMMEDIATE'
      RETURNING id, queue, "jobName", payload
    )`;
}

/** The select-list items that return NotificationWrites as `written` and `mail` (JSON). */
export const writesJsonSql = (articleSlug: string): string => `
  (SELECT coalesce(json_agg(json_build_object(
    'id', w.id, 'userId', w."userId", 'kind', w.kind, 'message', w.message, 'commentId', w."commentId",
    'articleSlug', ${articleSlug}, 'inApp', w."inApp", 'createdAt', to_char(w."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  )), '[]'::json) FROM notified w) AS written,
  (SELECT coalesce(json_agg(json_build_object('id', m.id, 'queue', m.queue, 'jobName', m."jobName", 'payload', m.payload)),
    '[]'::json) FROM notification_mail m) AS mail`;

export const toWrites = (
  row: { written: WrittenNotification[]; mail: OutboxEntry[] } | undefined,
): NotificationWrites => ({
  notified: row?.written ?? [],
  mail: row?.mail ?? [],
});

/**
 * The recipients of comments that have just become PUBLISHED: each one's parent's author (a
 * reply) and the users it mentions; each once per comment (a reply that mentions its parent's
 * author is a reply; after an edit only users not yet told of this comment), never the
 * comment's own author, nor someone who muted them. `source` names a CTE with a row per
 * comment: "commentId", author, "parentAuthor", handles (text[], lower-cased),
 * "replyMessage" and "mentionMessage".
 */
export function publishedRecipientsSql(source: string): string {
  return `
    SELECT DISTINCT ON (r."commentId", r."userId") r."userId", r.kind, r.message, r."commentId"
    FROM (
      SELECT s."commentId", s.author, s."parentAuthor" AS "userId", 'REPLY'::"NotificationKind" AS kind,
        s."replyMessage" AS message, 0 AS rank
      FROM ${source} s
      UNION ALL
      SELECT s."commentId", s.author, m.id, 'MENTION'::"NotificationKind", s."mentionMessage", 1
      FROM ${source} s CROSS JOIN LATERAL unnest(s.handles) AS h(handle)
      JOIN "User" m ON lower(m.handle) = h.handle
    ) r
    WHERE r."userId" IS NOT NULL AND r."userId" IS DISTINCT FROM r.author
      AND NOT EXISTS (SELECT 1 FROM "UserMute" um WHERE um."userId" = r."userId" AND um."mutedUserId" = r.author)
      AND NOT EXISTS (
        SELECT 1 FROM "Notification" n
        WHERE n."userId" = r."userId" AND n."commentId" = r."commentId" AND n.kind IN ('REPLY', 'MENTION')
      )
    ORDER BY r."commentId", r."userId", r.rank`;
}

const PUBLISHED_IN_TX = `
  WITH published AS (
    SELECT $1::uuid AS "commentId", $2::uuid AS author, $3::uuid AS "parentAuthor", $4::text[] AS handles,
      $5::text AS "replyMessage", $6::text AS "mentionMessage"
  ), ${notificationWritesSql(publishedRecipientsSql('published'), '$7::timestamp')}
  SELECT ${writesJsonSql('(SELECT slug FROM "Article" WHERE id = $8::uuid)')}`;

/**
 * Notifications are written in the same transaction as the decision that causes them, so a
 * reader is told exactly once, and never about a change that was rolled back.
 */
export async function notifyPublished(
  tx: Prisma.TransactionClient,
  c: {
    commentId: string;
    authorId: string | null;
    authorName: string;
    parentAuthorId: string | null;
    bodySource: string;
    articleId: string;
    now: Date;
  },
): Promise<NotificationWrites> {
  const [row] = await tx.$queryRawUnsafe<Array<{ written: WrittenNotification[]; mail: OutboxEntry[] }>>(
    PUBLISHED_IN_TX,
    c.commentId,
    c.authorId,
    c.parentAuthorId,
    mentionedHandles(c.bodySource),
    replyMessage(c.authorName),
    mentionMessage(c.authorName),
    c.now.toISOString(),
    c.articleId,
  );
  return toWrites(row);
}

const OUTCOME = `
  WITH ${notificationWritesSql(
    `SELECT $1::uuid AS "userId", 'MODERATION'::"NotificationKind" AS kind, $3::text AS message, $2::uuid AS "commentId"`,
    '$4::timestamp',
  )}
  SELECT ${writesJsonSql('(SELECT slug FROM "Article" WHERE id = $5::uuid)')}`;

/** Tells an author a moderator's decision on their comment, with the reason's category. */
export async function notifyModerationOutcome(
  tx: Prisma.TransactionClient,
  {
    recipientId,
    commentId,
    articleId,
    outcome,
    reason,
    now,
  }: {
    recipientId: string;
    commentId: string;
    articleId: string;
    outcome: 'APPROVED' | 'REJECTED';
    reason: string | null;
    now: Date;
  },
): Promise<NotificationWrites> {
  const label = reason ? REJECTION_LABELS[reason] : undefined;
  const message =
    outcome === 'APPROVED'
      ? 'A moderator approved your comment; it is now published'
      : `A moderator rejected your comment${label ? ` (${label})` : ''}`;
  const [row] = await tx.$queryRawUnsafe<Array<{ written: WrittenNotification[]; mail: OutboxEntry[] }>>(
    OUTCOME,
    recipientId,
    commentId,
    message,
    now.toISOString(),
    articleId,
  );
  return toWrites(row);
}
