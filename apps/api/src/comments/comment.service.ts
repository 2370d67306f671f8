import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import { randomUUID } from 'node:crypto';
import { Prisma } from '../generated/prisma/client.js';
import { badInput, notFound } from '../infra/errors/domain-error.js';
import type { OutboxEntry } from '../infra/outbox/outbox.service.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { RateLimiter } from '../infra/redis/rate-limiter.js';
import { EventBus } from '../realtime/event-bus.js';
import { anchoredThreadData } from './anchor-data.js';
import { cleanBody, renderBody } from './comment-body.js';
import type { CreateThreadInput, ReplyInput } from './dto/comment.inputs.js';
import type { CommentModel, ThreadModel } from './models/comment.model.js';
import { CommentModerationQueue } from './moderation-queue.js';
import { verifiedAnchor } from './selector.js';
import { ThreadReader } from './thread-reader.js';

/** Comments a user may post per minute, across all articles. */
export const COMMENTS_PER_MINUTE = 10;

/**
 * Posting: a comment is written as PENDING together with an outbox row for the
 * moderation job, in one statement, so nothing is lost if Redis or the worker is down.
 * It is the hot path of a busy discussion, so each post is a handful of round trips.
 */
@Injectable()
export class CommentService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly moderation: CommentModerationQueue,
    private readonly limiter: RateLimiter,
    private readonly reader: ThreadReader,
    private readonly events: EventBus,
  ) {}

  async createThread(input: CreateThreadInput, viewer: Viewer): Promise<ThreadModel> {
    const body = cleanBody(input.body);
    await this.limiter.consume(
      'comment',
      viewer.id,
      COMMENTS_PER_MINUTE,
      60,
      'You are commenting too fast; wait a minute',
    );
    // The text is read only to verify a selector (an article can be large).
    const [article] = await this.prisma.$queryRaw<Array<{ id: string; revisionId: string; text: string | null }>>`
      SELECT a.id::text AS id, r.id::text AS "revisionId",
             CASE WHEN ${Boolean(input.selector)} THEN r."canonicalText" END AS text
      FROM "Article" a JOIN "ArticleRevision" r ON r.id = a."currentRevisionId"
      WHERE a.id = ${input.articleId}::uuid`;
    if (!article) throw notFound('Article', 'articleId');
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
    const { comment, outbox } = this.commentRows({ threadId, parentId: null, body, html, viewer, now });
    // Thread, comment and outbox row in one statement: atomic, and one round trip.
    await this.prisma.$executeRaw`
      WITH thread AS (
        INSERT INTO "Thread" (id, "articleId", anchor, "originalAnchor", "anchorStatus", "anchorScore", "anchorStart",
                              "revisionId", "createdAt", "updatedAt")
        VALUES (${threadId}::uuid, ${article.id}::uuid, ${json(thread.anchor)}::jsonb, ${json(thread.originalAnchor)}::jsonb,
                ${thread.anchorStatus}::"AnchorStatus", ${thread.anchorScore}, ${thread.anchorStart},
                ${thread.revisionId}::uuid, ${now}, ${now})
      ), comment AS (${comment}), outbox AS (${outbox.insert})
      SELECT 1`;
    // The answer is the post as accepted (PENDING), read before its job can decide it.
    const [created] = await this.reader.byIds([threadId], viewer);
    await this.announce(article.id, threadId, outbox.entry.payload.commentId, viewer.id);
    await this.moderation.handOver([outbox.entry]);
    return created!;
  }

  async reply(input: ReplyInput, viewer: Viewer): Promise<CommentModel> {
    const body = cleanBody(input.body);
    await this.limiter.consume(
      'comment',
      viewer.id,
      COMMENTS_PER_MINUTE,
      60,
      'You are commenting too fast; wait a minute',
    );
    const parent = await this.prisma.comment.findUnique({
      where: { id: input.parentId },
      select: { id: true, threadId: true, status: true, thread: { select: { articleId: true } } },
    });
    if (!parent || (parent.status !== 'PUBLISHED' && parent.status !== 'DELETED'))
      throw notFound('Comment', 'parentId');
    if (parent.status === 'DELETED') throw badInput('parentId', 'You cannot reply to a deleted comment');
    const html = await renderBody(this.prisma, body);
    const { comment, outbox } = this.commentRows({
      threadId: parent.threadId,
      parentId: parent.id,
      body,
      html,
      viewer,
      now: new Date(),
    });
    // Reply, the parent's reply count and the outbox row in one statement.
    await this.prisma.$executeRaw`
      WITH comment AS (${comment}), outbox AS (${outbox.insert}), parent AS (
        UPDATE "Comment" SET "replyCount" = "replyCount" + 1 WHERE id = ${parent.id}::uuid
      )
      SELECT 1`;
    const commentId = outbox.entry.payload.commentId;
    const created = await this.reader.comment(commentId, viewer);
    await this.announce(parent.thread.articleId, parent.threadId, commentId, viewer.id);
    await this.moderation.handOver([outbox.entry]);
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

  /** A new PENDING comment (an INSERT for a data-modifying CTE) and its moderation job's outbox row. */
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
  }): { comment: Prisma.Sql; outbox: { entry: OutboxEntry & { payload: { commentId: string } }; insert: Prisma.Sql } } {
    const id = randomUUID();
    const comment = Prisma.sql`
      INSERT INTO "Comment" (id, "threadId", "parentId", "authorId", "bodySource", "bodyHtml", status, "createdAt", "updatedAt")
      VALUES (${id}::uuid, ${threadId}::uuid, ${parentId}::uuid, ${viewer.id}::uuid, ${body}, ${html}, 'PENDING', ${now}, ${now})`;
    const outbox = this.moderation.entry(id, now);
    return { comment, outbox: { entry: { ...outbox.entry, payload: { commentId: id } }, insert: outbox.insert } };
  }
}

/** A JSON column value for raw SQL (SQL NULL for none). */
function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
