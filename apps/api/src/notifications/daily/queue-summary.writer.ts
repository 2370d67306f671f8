import type { PrismaService } from '../../infra/prisma/prisma.service.js';
import type { QueueCounts } from '../../moderation/events/moderation-counts.service.js';
import { writtenJsonSql, type WrittenNotification } from '../notification.writer.js';
import { effectivePreferenceSql } from '../preferences/preference-defaults.js';
import { localDayStartSql, morningCameSql } from './morning.js';

export function queueSummaryMessage(counts: QueueCounts): string {
  return (
    `Moderation queues this morning: ${counts.PENDING} pending, ${counts.REPORTED} reported, ` +
    `${counts.UNMODERATED} unmoderated`
  );
}

const pref = effectivePreferenceSql(`'QUEUE_SUMMARY'`, 'p');
/** $1 now (ISO), $2 message. */
const WRITE_SUMMARIES = `
  WITH notified AS (
    INSERT INTO "Notification" (id, "userId", kind, message, "inApp", "digestPending", "createdAt")
    SELECT gen_random_uuid(), u.id, 'QUEUE_SUMMARY', $2::text, ${pref.inApp}, ${pref.email} = 'DAILY_DIGEST',
      $1::timestamptz AT TIME ZONE 'UTC'
    FROM "User" u
    LEFT JOIN "NotificationPreference" p ON p."userId" = u.id AND p.kind = 'QUEUE_SUMMARY'
    WHERE u.role IN ('MODERATOR', 'ADMIN') AND u.status <> 'BANNED' AND u."deletedAt" IS NULL
      AND (${pref.inApp} OR ${pref.email} <> 'OFF')
      AND ${morningCameSql('$1::timestamptz', 'u."timeZone"')}
      AND NOT EXISTS (
        SELECT 1 FROM "Notification" n
        WHERE n."userId" = u.id AND n.kind = 'QUEUE_SUMMARY'
          AND n."createdAt" >= ${localDayStartSql('$1::timestamptz', 'u."timeZone"')}
      )
    RETURNING id, "userId", kind::text AS kind, message, "commentId", "inApp", "createdAt"
  )
  SELECT (${writtenJsonSql('notified', 'NULL::text')}) AS written`;

/**
 * Staff are told the queue sizes once a day, when their morning comes (their time zone): an
 * in-app notification, a line of their digest, or both, as their preference says. Running it
 * again the same local day writes nothing.
 */
export async function writeQueueSummaries(
  prisma: PrismaService,
  counts: QueueCounts,
  now: Date,
): Promise<WrittenNotification[]> {
  const [row] = await prisma.$queryRawUnsafe<Array<{ written: WrittenNotification[] }>>(
    WRITE_SUMMARIES,
    now.toISOString(),
    queueSummaryMessage(counts),
  );
  return row?.written ?? [];
}
