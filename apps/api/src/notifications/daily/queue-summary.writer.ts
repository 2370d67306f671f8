import type { PrismaService } from '../../infra/prisma/prisma.service.js';
import type { QueueCounts } from '../../moderation/events/moderation-counts.service.js';
import type { OutboxEntry } from '../../infra/outbox/outbox.service.js';
import {
  notificationWritesSql,
  toWrites,
  writesJsonSql,
  type NotificationWrites,
  type WrittenNotification,
} from '../notification.writer.js';
import { localDayStartSql, morningCameSql } from './morning.js';

export function queueSummaryMessage(counts: QueueCounts): string {
  return (
    `Moderation queues this morning: ${counts.PENDING} pending, ${counts.REPORTED} reported, ` +
    `${counts.UNMODERATED} unmoderated`
  );
}

/** $1 now (ISO), $2 message. */
const WRITE_SUMMARIES = `
  WITH ${notificationWritesSql(
    `SELECT u.id AS "userId", 'QUEUE_SUMMARY'::"NotificationKind" AS kind, $2::text AS message, NULL::uuid AS "commentId"
     FROM "User" u
     WHERE u.role IN ('MODERATOR', 'ADMIN')
       AND ${morningCameSql('$1::timestamptz', 'u."timeZone"')}
       AND NOT EXISTS (
         SELECT 1 FROM "Notification" n
         WHERE n."userId" = u.id AND n.kind = 'QUEUE_SUMMARY'
           AND n."createdAt" >= ${localDayStartSql('$1::timestamptz', 'u."timeZone"')}
       )`,
    `($1::timestamptz AT TIME ZONE 'UTC')`,
  )}
  SELECT ${writesJsonSql('NULL::text')}`;

/**
 * Staff are told the queue sizes once a day, when their morning comes (their time zone): an
 * in-app notification, a line of their digest, or both, as their preference says. Running it
 * again the same local day writes nothing.
 */
export async function writeQueueSummaries(
  prisma: PrismaService,
  counts: QueueCounts,
  now: Date,
): Promise<NotificationWrites> {
  const [row] = await prisma.$queryRawUnsafe<Array<{ written: WrittenNotification[]; mail: OutboxEntry[] }>>(
    WRITE_SUMMARIES,
    now.toISOString(),
    queueSummaryMessage(counts),
  );
  return toWrites(row);
}
