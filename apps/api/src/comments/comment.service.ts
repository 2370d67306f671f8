import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import { randomUUID } from 'node:crypto';
import { badInput, notFound } from '../infra/errors/domain-error.js';
import { outboxInsert, type OutboxEntry } from '../infra/outbox/outbox.service.js';
import { NO_ID, prepared } from '../infra/prisma/prepared.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { RateLimiter } from '../infra/redis/rate-limiter.js';
import { EventBus } from '../realtime/event-bus.js';
import { assertDiscussionOpen, type ArticleGate } from '../articles/article-access.js';
import type { ArticleState } from '../generated/prisma/enums.js';
import { anchoredThreadData } from './anchor-data.js';
import { cleanBody, renderBody } from './comment-body.js';
import type { CreateThreadInput, ReplyInput } from './dto/comment.inputs.js';
import type { CommentModel, ThreadModel } from './models/comment.model.js';
import { DiscussionSettingsService } from './discussion-settings.js';
import { CommentModerationQueue } from './moderation-queue.js';
import { verifiedAnchor } from './selector.js';
import { ThreadReader } from './thread.reader.js';

/**
 * $1 article, $2 whether its text is wanted (only to verify a selector: an article can be
 * large); with what decides whether its discussion is open (article-access.ts).
 */
const ARTICLE = prepared<{
  id: string;
  revisionId: string;
  text: string | null;
  state: ArticleState;
  commentsOpen: boolean | null;
  closesAtMs: number | null;
  siteCommentsOpen: boolean | null;
}>(
  'comments.article',
  `SELECT a.id::text AS id, r.id::text AS "revisionId", CASE WHEN $2::boolean THEN r."canonicalText" END AS text,
          a.state::text AS state, a."commentsOpen",
          (extract(epoch FROM a."commentsClosesAt") * 1000)::float8 AS "closesAtMs", s."commentsOpen" AS "siteCommentsOpen"
   FROM "Article" a JOIN "ArticleRevision" r ON r.id = a."currentRevisionId"
   LEFT JOIN "Site" s ON s.id = a."siteId"
   WHERE a.id = $1::uuid`,
  [NO_ID, false],
);

/**
 * A new PENDING comment ($1 id, $2 thread, $3 parent, $4 author, $5 body, $6 html, $7 now, its
 * stance at `$stance` and its article at `$article`) and its outbox row ($8–$12), as
 * data-modifying CTEs. The article is given because a thread inserted by the same statement is
 * not visible to the trigger that otherwise sets it (migration `comment_article_id`).
 */
const commentRows = (stance: number, article: number): string => `
  comment AS (
    INSERT INTO "Comment" (id, "threadId", "articleId", "parentId", "authorId", "bodySource", "bodyHtml", stance, status,
                           "createdAt", "updatedAt")
    VALUES ($1::uuid, $2::uuid, $${article}::uuid, $3::uuid, $4::uuid, $5::text, $6::text, $${stance}::"Stance",
            'PENDING', $7::timestamp, $7::timestamp)
  ), outbox AS (${outboxInsert(8)})`;

/** The comment rows, in a new thread: $13 article, $14–$19 the anchor (or nulls), $20 the stance. */
const CREATE_THREAD = prepared<never>(
  'comments.create-thread',
  `WITH thread AS (
     INSERT INTO "Thread" (id, "articleId", anchor, "originalAnchor", "anchorStatus", "anchorScore", "anchorStart",
                           "revisionId", "createdAt", "updatedAt")
     VALUES ($2::uuid, $13::uuid, $14::jsonb, $15::jsonb, $16::"AnchorStatus", $17::float8, $18::int, $19::uuid,
             $7::timestamp, $7::timestamp)
   ), ${commentRows(20, 13)}
   SELECT 1`,
  null,
);

/** The comment rows as a reply to $3, whose reply count goes up; $13 the stance, $14 the article. */
const REPLY = prepared<never>(
  'comments.reply',
  `WITH ${commentRows(13, 14)}, parent AS (
     UPDATE "Comment" SET "replyCount" = "replyCount" + 1 WHERE id = $3::uuid
   )
   SELECT 1`,
  null,
);

/** $1 the comment replied to, with its thread's article and what decides whether its discussion is open. */
const PARENT = prepared<{
  id: string;
  threadId: string;
  status: string;
  articleId: string;
  state: ArticleState;
  commentsOpen: boolean | null;
  closesAtMs: number | null;
  siteCommentsOpen: boolean | null;
}>(
  'comments.parent',
  `SELECT c.id::text AS id, c."threadId"::text AS "threadId", c.status::text AS status, a.id::text AS "articleId",
          a.state::text AS state, a."commentsOpen",
          (extract(epoch FROM a."commentsClosesAt") * 1000)::float8 AS "closesAtMs", s."commentsOpen" AS "siteCommentsOpen"
   FROM "Comment" c JOIN "Thread" t ON t.id = c."threadId" JOIN "Article" a ON a.id = t."articleId"
   LEFT JOIN "Site" s ON s.id = a."siteId"
   WHERE c.id = $1::uuid`,
  [NO_ID],
);

/** The gate of a row read by ARTICLE or PARENT (its closing time as milliseconds since the epoch). */
const gateOfRow = (row: {
  state: ArticleState;
  commentsOpen: boolean | null;
  closesAtMs: number | null;
  siteCommentsOpen: boolean | null;
}): ArticleGate => ({
  state: row.state,
  commentsOpen: row.commentsOpen,
  commentsClosesAt: row.closesAtMs === null ? null : new Date(row.closesAtMs),
  siteCommentsOpen: row.siteCommentsOpen,
});

/** Comments a user may post per minute, across all articles. */
export const COMMENTS_PER_MINUTE = 10;

/**
 * Posting: a comment is written as PENDING together with an outbox row for the
 * moderation job, in one statement, so nothing is lost if Redis or the worker is down.
 * It is the hot path of a busy discussion, so each post is a handful of round trips, the
 * article read and the write by named statements (planned once per connection).
 */
@Injectable()
export class CommentService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly moderation: CommentModerationQueue,
    private readonly limiter: RateLimiter,
    private readonly reader: ThreadReader,
    private readonly events: EventBus,
    private readonly settings: DiscussionSettingsService,
  ) {}

  /**
   * Spends one post of the viewer's budget (COMMENTS_PER_MINUTE, threads and replies alike).
   * Callers that do costly work before posting (the W3C endpoint's passage search) spend it
   * first and then post with `{ budgetSpent: true }`.
   */
  async spendPostingBudget(viewer: Viewer): Promise<void> {
    await this.limiter.consume(
      'comment',
      viewer.id,
      COMMENTS_PER_MINUTE,
      60,
      'You are commenting too fast; wait a minute',
    );
  }

  async createThread(
    input: CreateThreadInput,
    viewer: Viewer,
    { budgetSpent = false }: { budgetSpent?: boolean } = {},
  ): Promise<ThreadModel> {
    const body = cleanBody(input.body);
    await this.settings.assertMayComment(viewer);
    if (!budgetSpent) await this.spendPostingBudget(viewer);
    // The text is read only to verify a selector (an article can be large).
    const [article] = await this.prisma.run(ARTICLE, [input.articleId, Boolean(input.selector)]);
    if (!article) throw notFound('Article', 'articleId');
    assertDiscussionOpen(gateOfRow(article), viewer, 'Article', 'articleId');
    const html = await renderBody(this.prisma, body);
    const anchor = input.selector
      ? verifiedAnchor({ id: article.revisionId, canonicalText: article.text ?? '' }, input.selector)
      : null;
    const now = new Date();
    const threadId = randomUUID();
    const thread = anchor
      ? anchoredThreadData(anchor)
      : {
          anchor: null,
          originalAnchor: null,
          anchorStatus: null,
          anchorScore: null,
          anchorStart: null,
          revisionId: null,
        };
    const { values, entry } = this.commentRows({ threadId, parentId: null, body, html, viewer, now });
    // Thread, comment and outbox row in one statement: atomic, and one round trip.
    await this.prisma.run(CREATE_THREAD, [
      ...values,
      article.id,
      json(thread.anchor),
      json(thread.originalAnchor),
      thread.anchorStatus,
      thread.anchorScore,
      thread.anchorStart,
      thread.revisionId,
      input.stance ?? null,
    ]);
    // The answer is the post as accepted (PENDING), read before its job can decide it.
    const [created] = await this.reader.byIds([threadId], viewer);
    await this.announce(article.id, threadId, entry.payload.commentId, viewer.id);
    await this.moderation.handOver([entry]);
    return created!;
  }

  async reply(
    input: ReplyInput,
    viewer: Viewer,
    { budgetSpent = false }: { budgetSpent?: boolean } = {},
  ): Promise<CommentModel> {
    const body = cleanBody(input.body);
    await this.settings.assertMayComment(viewer);
    if (!budgetSpent) await this.spendPostingBudget(viewer);
    const [parent] = await this.prisma.run(PARENT, [input.parentId]);
    if (!parent || (parent.status !== 'PUBLISHED' && parent.status !== 'DELETED'))
      throw notFound('Comment', 'parentId');
    assertDiscussionOpen(gateOfRow(parent), viewer, 'Comment', 'parentId');
    if (parent.status === 'DELETED') throw badInput('parentId', 'You cannot reply to a deleted comment');
    const html = await renderBody(this.prisma, body);
    const { values, entry } = this.commentRows({
      threadId: parent.threadId,
      parentId: parent.id,
      body,
      html,
      viewer,
      now: new Date(),
    });
    // Reply, the parent's reply count and the outbox row in one statement.
    await this.prisma.run(REPLY, [...values, input.stance ?? null, parent.articleId]);
    const commentId = entry.payload.commentId;
    const created = await this.reader.comment(commentId, viewer);
    await this.announce(parent.articleId, parent.threadId, commentId, viewer.id);
    await this.moderation.handOver([entry]);
    return created!;
  }

  /**
   * Tells the author's other open pages (only them: it is PENDING) that the comment exists;
   * before the moderation job is queued, so this event always precedes its outcome.
   */
  private async announce(articleId: string, threadId: string, commentId: string, authorId: string): Promise<void> {
    await this.events
      .discussion({ type: 'COMMENT_ADDED', articleId, threadId, commentId, authorId, status: 'PENDING' })
      .catch(() => undefined);
  }

  /** A new PENDING comment and its moderation job's outbox row: the values $1–$12 of commentRows. */
  private commentRows({
    threadId,
    parentId,
    body,
    html,
    viewer,
    now,
  }: {
    threadId: string;
    parentId: string | null;
    body: string;
    html: string;
    viewer: Viewer;
    now: Date;
  }): { values: unknown[]; entry: OutboxEntry & { payload: { commentId: string } } } {
    const id = randomUUID();
    const outbox = this.moderation.entry(id, now);
    return {
      values: [id, threadId, parentId, viewer.id, body, html, now.toISOString(), ...outbox.values],
      entry: { ...outbox.entry, payload: { commentId: id } },
    };
  }
}

/** A JSON column value for raw SQL (SQL NULL for none). */
function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
