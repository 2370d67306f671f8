import { NO_ID, prepared } from '../infra/prisma/prepared.js';
import type { PrismaService } from '../infra/prisma/prisma.service.js';
import type { CommentStatus } from '../generated/prisma/enums.js';
import type { PendingComment } from './decisions/pipeline-decision.js';
import { SETTINGS_KEY } from './moderation-settings.service.js';
import type { ModerationSettings, PipelineContext, UserRole, UserStatus } from './pipeline/index.js';

const DAY = 24 * 3600 * 1000;
const EPOCH = new Date(0).toISOString();

interface InputRow {
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
}

/**
 * $1 comment, $2 history window start, $3 repeat window start (ISO timestamps). The author's
 * history and latest bodies come from one range of the (authorId, createdAt) index: with the
 * status in a WHERE clause the planner would also scan the status index, every comment of
 * the site with those statuses.
 */
const PIPELINE_INPUT = prepared<InputRow>(
  'moderation.pipeline-input',
  `
    SELECT c.status::text AS status, c."threadId", t."articleId", c."openFlagCount", u."displayName" AS "authorName",
           c."bodySource", c."editedAt" IS NOT NULL AS "isEdit",
           u.id AS "authorId", u.status::text AS "authorStatus", u.premod, u.role::text AS role,
           u."commentCount", u."rejectedCount", a.premod AS "articlePremod",
           h.total, h.rejected, h.bodies,
           (SELECT round(extract(epoch FROM s."updatedAt") * 1000)::float8 FROM "Setting" s
            WHERE s.key = '${SETTINGS_KEY}') AS "settingsStamp"
    FROM "Comment" c
    JOIN "Thread" t ON t.id = c."threadId"
    JOIN "Article" a ON a.id = t."articleId"
    JOIN "User" u ON u.id = c."authorId"
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE o."createdAt" >= $2::timestamp)::int AS total,
             count(*) FILTER (WHERE o."createdAt" >= $2::timestamp AND o.status = 'REJECTED')::int AS rejected,
             coalesce((array_agg(o."bodySource" ORDER BY o."createdAt" DESC) FILTER (
               WHERE o."createdAt" >= $3::timestamp AND o.status IN ('PUBLISHED', 'HELD', 'PENDING')
             ))[1:20], '{}') AS bodies
      FROM "Comment" o
      WHERE o."authorId" = c."authorId" AND o.id <> c.id AND o."createdAt" >= least($2::timestamp, $3::timestamp)
    ) h
    WHERE c.id = $1::uuid`,
  [NO_ID, EPOCH, EPOCH],
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
  const since = new Date(now - settings.history.windowDays * DAY).toISOString();
  const repeatSince = new Date(now - settings.repeatWindowMinutes * 60_000).toISOString();
  const [row] = await prisma.run(PIPELINE_INPUT, [commentId, since, repeatSince]);
  if (!row) return null;
  return {
    status: row.status,
    settingsStamp: row.settingsStamp,
    comment: {
      id: commentId,
      threadId: row.threadId,
      articleId: row.articleId,
      authorId: row.authorId,
      authorName: row.authorName,
      openFlagCount: row.openFlagCount,
    },
    context: {
      comment: { body: row.bodySource, isEdit: row.isEdit },
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
