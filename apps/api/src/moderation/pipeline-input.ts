import { mentionedHandles } from '../comments/mentions.js';
import { NO_ID, prepared } from '../infra/prisma/prepared.js';
import type { PrismaService } from '../infra/prisma/prisma.service.js';
import type { CommentStatus } from '../generated/prisma/enums.js';
import type { PendingComment } from './decisions/pipeline-decision.js';
import { SETTINGS_KEY } from './moderation-settings.service.js';
import { standingFlagsSql, standingParams } from '../flags/standing-flags.js';
import type { ModerationSettings, PipelineContext, StandingDecision, UserRole, UserStatus } from './pipeline/index.js';

const DAY = 24 * 3600 * 1000;
const EPOCH = new Date(0).toISOString();

interface InputRow {
  id: string;
  status: CommentStatus;
  threadId: string;
  articleId: string;
  openFlagCount: number;
  authorName: string;
  bodySource: string;
  isEdit: boolean;
  authorId: string;
  authorStatus: UserStatus;
  premod: boolean;
  role: UserRole;
  commentCount: number;
  rejectedCount: number;
  articlePremod: boolean;
  total: number;
  rejected: number;
  bodies: string[];
  settingsStamp: number | null;
  humanStatus: 'PUBLISHED' | 'HELD' | 'REJECTED' | null;
  standingFlags: number;
}

/**
 * $1 comments (an array: the moderation jobs running at once read their inputs together,
 * see PipelineInputs), $2 history window start, $3 repeat window start (ISO timestamps), $4 and $5 the
 * standing of flaggers (standingFlagsSql). For an edit it also reads the standing decision:
 * the last status a person other than the author gave the comment, and the flags with
 * standing on it (two index lookups, for edits only). The author's
 * history and latest bodies come from one range of the (authorId, createdAt) index: with the
 * status in a WHERE clause the planner would also scan the status index, every comment of
 * the site with those statuses.
 */
const PIPELINE_INPUT = prepared<InputRow>(
  'moderation.pipeline-input',
  `
    SELECT c.id, c.status::text AS status, c."threadId", t."articleId", c."openFlagCount", u."displayName" AS "authorName",
           c."bodySource", c."editedAt" IS NOT NULL AS "isEdit",
           u.id AS "authorId", u.status::text AS "authorStatus", u.premod, u.role::text AS role,
           u."commentCount", u."rejectedCount", a.premod AS "articlePremod",
           h.total, h.rejected, h.bodies,
           (SELECT round(extract(epoch FROM s."updatedAt") * 1000)::float8 FROM "Setting" s
            WHERE s.key = '${SETTINGS_KEY}') AS "settingsStamp",
           CASE WHEN c."editedAt" IS NOT NULL THEN (
             SELECT m."toStatus"::text FROM "ModerationAction" m
             WHERE m."commentId" = c.id AND m."actorId" IS NOT NULL AND m."actorId" <> c."authorId"
               AND m."toStatus" IS NOT NULL
             ORDER BY m."createdAt" DESC LIMIT 1
           ) END AS "humanStatus",
           CASE WHEN c."editedAt" IS NOT NULL AND c."openFlagCount" > 0
             THEN ${standingFlagsSql('c.id', '$4::timestamp', '$5::int')} ELSE 0 END AS "standingFlags"
    FROM unnest($1::uuid[]) AS wanted(id)
    JOIN "Comment" c ON c.id = wanted.id
    JOIN "Thread" t ON t.id = c."threadId"
    JOIN "Article" a ON a.id = t."articleId"
    JOIN "User" u ON u.id = c."authorId"
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE o."createdAt" >= $2::timestamp)::int AS total,
             count(*) FILTER (
               WHERE o."createdAt" >= $2::timestamp
                 AND (o.status = 'REJECTED' OR o."statusBeforeDelete" = 'REJECTED')
             )::int AS rejected,
             coalesce((array_agg(o."bodySource" ORDER BY o."createdAt" DESC) FILTER (
               WHERE o."createdAt" >= $3::timestamp AND o.status IN ('PUBLISHED', 'HELD', 'PENDING')
             ))[1:20], '{}') AS bodies
      FROM "Comment" o
      WHERE o."authorId" = c."authorId" AND o.id <> c.id AND o."createdAt" >= least($2::timestamp, $3::timestamp)
    ) h`,
  [[NO_ID], EPOCH, EPOCH, EPOCH, 0],
);

export interface PipelineInput {
  status: CommentStatus;
  comment: PendingComment;
  context: PipelineContext;
  /** The moderation settings' version when read (ModerationSettingsService.isLatest). */
  settingsStamp: number | null;
}

/**
 * Everything the pipeline needs about a comment, in one statement (the moderation job's
 * hot path): the comment, its author and article, the author's recent history over
 * `history.windowDays` and their latest bodies within `repeatWindowMinutes`, and the
 * version of the stored settings (so a job checks `settings` are current without a
 * statement of its own). Null when the comment is gone or has no author (imported comments
 * are never moderated).
 */
export async function loadPipelineInput(
  prisma: PrismaService,
  commentId: string,
  settings: ModerationSettings,
  now = Date.now(),
): Promise<PipelineInput | null> {
  return (await loadPipelineInputs(prisma, [commentId], settings, now)).get(commentId.toLowerCase()) ?? null;
}

/** loadPipelineInput for several comments in the same one statement; a comment gone has no entry. */
export async function loadPipelineInputs(
  prisma: PrismaService,
  commentIds: string[],
  settings: ModerationSettings,
  now = Date.now(),
): Promise<Map<string, PipelineInput>> {
  const since = new Date(now - settings.history.windowDays * DAY).toISOString();
  const repeatSince = new Date(now - settings.repeatWindowMinutes * 60_000).toISOString();
  const rows = await prisma.run(PIPELINE_INPUT, [commentIds, since, repeatSince, ...standingParams(settings, now)]);
  return new Map(rows.map((row) => [row.id, toInput(row, settings)]));
}

function toInput(row: InputRow, settings: ModerationSettings): PipelineInput {
  return {
    status: row.status,
    settingsStamp: row.settingsStamp,
    comment: {
      id: row.id,
      threadId: row.threadId,
      articleId: row.articleId,
      authorId: row.authorId,
      authorName: row.authorName,
      openFlagCount: row.openFlagCount,
      mentions: mentionedHandles(row.bodySource),
    },
    context: {
      comment: { body: row.bodySource, isEdit: row.isEdit, standing: standingOf(row, settings) },
      author: {
        id: row.authorId,
        status: row.authorStatus,
        premod: row.premod,
        role: row.role,
        publishedCount: row.commentCount,
        rejectedCount: row.rejectedCount,
        recentTotal: row.total,
        recentRejected: row.rejected,
        recentBodies: row.bodies,
      },
      article: { premod: row.articlePremod },
      settings,
    },
  };
}

/** What a person (or flags past the threshold) decided before an edit; the pipeline stays at least as strict. */
function standingOf(row: InputRow, settings: ModerationSettings): StandingDecision | null {
  if (row.humanStatus === 'REJECTED') {
    return { status: 'REJECTED', reason: 'REJECTED_BY_MODERATOR', detail: 'rejected by a moderator before the edit' };
  }
  if (row.humanStatus === 'HELD') {
    return { status: 'HELD', reason: 'HELD_BY_MODERATOR', detail: 'held by a moderator before the edit' };
  }
  if (row.standingFlags >= settings.flagThreshold) {
    return { status: 'HELD', reason: 'FLAGGED', detail: `${row.standingFlags} readers with standing flagged it` };
  }
  return null;
}
