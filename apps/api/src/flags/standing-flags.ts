import type { ModerationSettings } from '../moderation/pipeline/index.js';
import { NO_ID, prepared } from '../infra/prisma/prepared.js';

const HOUR = 3600 * 1000;

/**
 * SQL counting the open flags on comment `comment` raised by readers with standing: an account
 * created before `since` with at least `minPublished` published comments. Flags of newer
 * accounts still put a comment in the Reported queue; only these hide it (flagThreshold).
 */
export const standingFlagsSql = (comment: string, since: string, minPublished: string): string => `(
  SELECT count(*)::int FROM "Flag" f JOIN "User" r ON r.id = f."reporterId"
  WHERE f."commentId" = ${comment} AND NOT f.resolved
    AND r."createdAt" <= ${since} AND r."commentCount" >= ${minPublished})`;

/** The parameters of standingFlagsSql under these settings: [since (ISO), minPublished]. */
export function standingParams(settings: ModerationSettings, now = Date.now()): [string, number] {
  return [
    new Date(now - settings.flagStandingMinAccountAgeHours * HOUR).toISOString(),
    settings.flagStandingMinPublishedComments,
  ];
}

/** $1 comment, $2 since, $3 minimum published comments. */
export const STANDING_FLAGS = prepared<{ standing: number }>(
  'flags.standing',
  `SELECT ${standingFlagsSql('$1::uuid', '$2::timestamp', '$3::int')} AS standing`,
  [NO_ID, new Date(0).toISOString(), 0],
);
