import type { Prisma } from '../generated/prisma/client.js';
import type { NotificationKind } from '../generated/prisma/enums.js';
import { effectivePreferenceSql } from './preferences/preference-defaults.js';
import { mentionedHandles } from '../comments/mentions.js';

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

/**
 * SQL of the writes for a comment that has just become PUBLISHED (a data-modifying statement
 * that can stand alone or be a CTE): its parent's author is told of a reply, the users it
 * mentions of a mention; each recipient once per comment (a reply that mentions its parent's
 * author is a reply; an edit tells only users not yet told of this comment), never its own
 * author, never a banned or deleted account, and as the recipient's preferences say: no row
 * when they want neither in-app nor mail, a row hidden from the list when they want mail only.
 * Every argument is an SQL expression (a placeholder or a sub-select); `gate` decides whether
 * anything is written at all.
 */
export function publishedNotificationsSql(a: {
  gate: string;
  comment: string;
  author: string;
  parentAuthor: string;
  handles: string;
  replyMessage: string;
  mentionMessage: string;
  now: string;
}): string {
  const pref = effectivePreferenceSql('c.kind', 'p');
  return `
    INSERT INTO "Notification" (id, "userId", kind, "commentId", message, "inApp", "digestPending", "createdAt")
    SELECT gen_random_uuid(), c."userId", c.kind, ${a.comment}, c.message, ${pref.inApp},
      ${pref.email} = 'DAILY_DIGEST', ${a.now}
    FROM (
      SELECT DISTINCT ON (r."userId") r."userId", r.kind, r.message
      FROM (
        SELECT ${a.parentAuthor} AS "userId", 'REPLY'::"NotificationKind" AS kind, ${a.replyMessage} AS message, 0 AS rank
        UNION ALL
        SELECT m.id, 'MENTION'::"NotificationKind", ${a.mentionMessage}, 1
        FROM "User" m WHERE lower(m.handle) = ANY(${a.handles})
      ) r
      WHERE ${a.gate} AND r."userId" IS NOT NULL AND r."userId" IS DISTINCT FROM ${a.author}
      ORDER BY r."userId", r.rank
    ) c
    JOIN "User" u ON u.id = c."userId" AND u.status <> 'BANNED' AND u."deletedAt" IS NULL
    LEFT JOIN "NotificationPreference" p ON p."userId" = c."userId" AND p.kind = c.kind
    WHERE (${pref.inApp} OR ${pref.email} <> 'OFF')
      AND NOT EXISTS (
        SELECT 1 FROM "Notification" n
        WHERE n."userId" = c."userId" AND n."commentId" = ${a.comment} AND n.kind IN ('REPLY', 'MENTION')
      )
    RETURNING id, "userId", kind::text AS kind, message, "commentId", "inApp", "createdAt"`;
}

/** The JSON array of written notifications (a `notified` relation) for WrittenNotification. */
export const writtenJsonSql = (notified: string, articleSlug: string): string => `
  SELECT coalesce(json_agg(json_build_object(
    'id', w.id, 'userId', w."userId", 'kind', w.kind, 'message', w.message, 'commentId', w."commentId",
    'articleSlug', ${articleSlug}, 'inApp', w."inApp", 'createdAt', to_char(w."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  )), '[]'::json) FROM ${notified} w`;

const PUBLISHED_IN_TX = `
  WITH notified AS (${publishedNotificationsSql({
    gate: 'true',
    comment: '$1::uuid',
    author: '$2::uuid',
    parentAuthor: '$3::uuid',
    handles: '$4::text[]',
    replyMessage: '$5::text',
    mentionMessage: '$6::text',
    now: '$7::timestamp',
  })})
  SELECT (${writtenJsonSql('notified', '(SELECT slug FROM "Article" WHERE id = $8::uuid)')}) AS written`;

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
): Promise<WrittenNotification[]> {
  const [row] = await tx.$queryRawUnsafe<Array<{ written: WrittenNotification[] }>>(
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
  return row?.written ?? [];
}

const OUTCOME = (() => {
  const pref = effectivePreferenceSql(`'MODERATION'`, 'p');
  return `
    WITH notified AS (
      INSERT INTO "Notification" (id, "userId", kind, "commentId", message, "inApp", "digestPending", "createdAt")
      SELECT gen_random_uuid(), u.id, 'MODERATION', $2::uuid, $3::text, ${pref.inApp}, ${pref.email} = 'DAILY_DIGEST',
        $4::timestamp
      FROM "User" u
      LEFT JOIN "NotificationPreference" p ON p."userId" = u.id AND p.kind = 'MODERATION'
      WHERE u.id = $1::uuid AND u.status <> 'BANNED' AND u."deletedAt" IS NULL
        AND (${pref.inApp} OR ${pref.email} <> 'OFF')
      RETURNING id, "userId", kind::text AS kind, message, "commentId", "inApp", "createdAt"
    )
    SELECT (${writtenJsonSql('notified', '(SELECT slug FROM "Article" WHERE id = $5::uuid)')}) AS written`;
})();

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
): Promise<WrittenNotification[]> {
  const label = reason ? REJECTION_LABELS[reason] : undefined;
  const message =
    outcome === 'APPROVED'
      ? 'A moderator approved your comment; it is now published'
      : `A moderator rejected your comment${label ? ` (${label})` : ''}`;
  const [row] = await tx.$queryRawUnsafe<Array<{ written: WrittenNotification[] }>>(
    OUTCOME,
    recipientId,
    commentId,
    message,
    now.toISOString(),
    articleId,
  );
  return row?.written ?? [];
}
