import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client.js';
import type { CommentStatus } from '../../generated/prisma/enums.js';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { OutboxService } from '../../infra/outbox/outbox.service.js';
import {
  notifyModerationOutcome,
  notifyPublished,
  type NotificationWrites,
} from '../../notifications/notification.writer.js';
import { EventBus, notificationTopic } from '../../realtime/event-bus.js';
import type { QueueCounts } from '../events/moderation-counts.service.js';
import { ModerationEventsPublisher, type ModerationChange } from '../events/moderation-events.publisher.js';
import { queueChanges, type QueueState } from '../queues/queue-membership.js';
import { counterDeltas } from './counter-deltas.js';
import { DECISION_WRITES_SQL, decisionWriteValues } from './decision-writes.js';
import type { Applied } from './applied.js';
import { applyPipelineDecisions, type PendingDecision } from './pipeline-decision.js';
import type { AuditAction } from '../audit/audit-action.js';

export type { Applied } from './applied.js';

/** One decision about comments: who, what, why, and what it does to review and flags. */
export interface Decision {
  to: Exclude<CommentStatus, 'PENDING' | 'DELETED'>;
  /** Stored on the comment (a category its author may see). */
  statusReason: string;
  /** The audit row's action (a decision: PIPELINE, APPROVE, REJECT, HOLD, FLAGS_THRESHOLD, FLAGS_RESOLVED, BAN). */
  action: AuditAction;
  /** The moderator; null for the system. */
  actorId: string | null;
  /** Free text for the audit row only. */
  note?: string | null;
  /** A human decision marks the comment reviewed; a pipeline decision clears that (an edit). */
  reviewed: 'set' | 'clear' | 'keep';
  resolveFlags: boolean;
  /** Tell the author (approve/reject by a moderator; not the rejections that follow a ban). */
  notifyAuthor: boolean;
  /** Comments in other statuses are left alone and reported as skipped. */
  from: readonly CommentStatus[];
  /** A further condition on the comment's current state, checked under the lock. */
  when?: (state: QueueState) => boolean;
  scores?: Prisma.InputJsonValue;
}

/** A pipeline decision that changed its comment, and the announcement of its batch. */
export interface PendingOutcome {
  applied: Applied;
  /** Settles once readers and moderators were told (never rejects: events are best effort). */
  announced: Promise<void>;
}

export type Outcome = { applied: Applied } | { skipped: CommentStatus } | { unchanged: true } | { missing: true };

interface LockedRow {
  id: string;
  status: CommentStatus;
  statusReason: string | null;
  openFlagCount: number;
  reviewedAt: Date | null;
  authorId: string | null;
  threadId: string;
  parentId: string | null;
  articleId: string;
  parentAuthorId: string | null;
  authorName: string | null;
  bodySource: string;
}

/**
 * Decisions about comments that may be in any status (moderators, flags, bans): under a row
 * lock it writes what every decision writes (DECISION_WRITES_SQL: status, counters, open
 * flags, audit row) and the notifications in one transaction; after commit it announces the change to readers (article topic) and moderators
 * (moderation topic). The pipeline's decisions on PENDING comments (decidePending) write the
 * same without a lock, a batch of them in one round trip (applyPipelineDecisions).
 */
@Injectable()
export class CommentDecisions {
  constructor(
    private readonly prisma: PrismaService,
    private readonly bus: EventBus,
    private readonly moderationEvents: ModerationEventsPublisher,
    private readonly outbox: OutboxService,
  ) {}

  /** Decides one comment in its own transaction, then announces it. */
  async decide(commentId: string, decision: Decision): Promise<Outcome> {
    const [outcome] = await this.prisma.$transaction((tx) => this.decideInTx(tx, [commentId], decision));
    if (outcome && 'applied' in outcome) await this.announce([outcome.applied]);
    return outcome ?? { missing: true };
  }

  /**
   * The pipeline's decisions on PENDING comments, in one statement (see pipeline-decision.ts).
   * A comment no longer PENDING, or given twice, is decided once: the result maps each
   * decision that changed its comment to what it applied, and to the announcement of the
   * batch. That announcement is under way when this returns, not awaited: the worker's next
   * write need not wait for this one's events (its own go out after these, on the same
   * connection, in order), while each job waits for its own before it completes.
   */
  async decidePending(decisions: readonly PendingDecision[]): Promise<Map<PendingDecision, PendingOutcome>> {
    const seen = new Set<string>();
    const once = decisions.filter((d) => !seen.has(d.comment.id) && seen.add(d.comment.id));
    const { applied, counts } = await applyPipelineDecisions(this.prisma, once);
    // The statement read the counts too: the events need no further round trip. The pipeline
    // runs in the worker, whose queue connections close while a draining job finishes: the
    // outbox rows of its notifications' mail are left to the worker's relay (a second or two).
    const announced = this.announce([...applied.values()], counts, 'relay');
    return new Map(
      once.flatMap((d) => {
        const done = applied.get(d.comment.id);
        return done ? [[d, { applied: done, announced }] as const] : [];
      }),
    );
  }

  /** Inside the caller's transaction; call announce() with the applied ones after commit. */
  async decideInTx(tx: Prisma.TransactionClient, commentIds: string[], decision: Decision): Promise<Outcome[]> {
    if (commentIds.length === 0) return [];
    const rows = await tx.$queryRaw<LockedRow[]>`
      SELECT c.id, c.status::text AS status, c."statusReason", c."openFlagCount", c."reviewedAt", c."authorId",
             c."threadId", c."parentId", t."articleId", p."authorId" AS "parentAuthorId", u."displayName" AS "authorName",
             c."bodySource"
      FROM "Comment" c
      JOIN "Thread" t ON t.id = c."threadId"
      LEFT JOIN "Comment" p ON p.id = c."parentId"
      LEFT JOIN "User" u ON u.id = c."authorId"
      WHERE c.id = ANY(${commentIds}::uuid[])
      ORDER BY c.id
      FOR UPDATE OF c`;
    const byId = new Map(rows.map((r) => [r.id, r]));
    const outcomes: Outcome[] = [];
    for (const id of commentIds) {
      const row = byId.get(id);
      outcomes.push(row ? await this.applyOne(tx, row, decision) : { missing: true });
    }
    return outcomes;
  }

  /**
   * After commit: readers', moderators' and recipients' live views (failures only delay a
   * screen), and the notifications' mail jobs, handed over now or left to the outbox relay.
   */
  async announce(applied: Applied[], counts?: QueueCounts, mail: 'now' | 'relay' = 'now'): Promise<void> {
    if (applied.length === 0) return;
    // Readers' and moderators' events go out side by side; the latter waits for the counts
    // unless the decision read them already.
    await Promise.all([
      this.moderationEvents.publish(applied.map(toChange), counts),
      ...applied
        .flatMap((a) => a.notifications.notified)
        .filter((n) => n.inApp)
        .map((n) => this.bus.publish(notificationTopic(n.userId), n).catch(() => undefined)),
      // What cannot be handed over now, the outbox relay hands over later.
      mail === 'now'
        ? this.outbox.handOver(applied.flatMap((a) => a.notifications.mail)).catch(() => undefined)
        : Promise.resolve(),
      ...applied
        .filter((a) => a.before.status !== a.after.status)
        .map((a) =>
          this.bus
            .discussion({
              type: 'COMMENT_STATUS_CHANGED',
              articleId: a.articleId,
              threadId: a.threadId,
              commentId: a.commentId,
              authorId: a.authorId,
              status: a.after.status,
            })
            .catch(() => undefined),
        ),
    ]);
  }

  private async applyOne(tx: Prisma.TransactionClient, row: LockedRow, decision: Decision): Promise<Outcome> {
    const now = new Date();
    const before: QueueState = {
      status: row.status,
      statusReason: row.statusReason,
      openFlagCount: row.openFlagCount,
      reviewedAt: row.reviewedAt,
    };
    if (!decision.from.includes(row.status) || (decision.when && !decision.when(before))) {
      return { skipped: row.status };
    }
    const after: QueueState = {
      status: decision.to,
      statusReason: decision.statusReason,
      openFlagCount: decision.resolveFlags ? 0 : row.openFlagCount,
      reviewedAt: decision.reviewed === 'set' ? now : decision.reviewed === 'clear' ? null : row.reviewedAt,
    };
    const nothingChanges =
      before.status === after.status &&
      before.statusReason === after.statusReason &&
      before.openFlagCount === after.openFlagCount &&
      (before.reviewedAt === null) === (after.reviewedAt === null);
    if (nothingChanges) return { unchanged: true };

    await writeDecision(tx, row, decision, after, now);
    const notifications = await this.notify(tx, row, decision, before.status, now);
    return {
      applied: {
        commentId: row.id,
        articleId: row.articleId,
        threadId: row.threadId,
        authorId: row.authorId,
        before,
        after,
        action: decision.action,
        actorId: decision.actorId,
        notifications,
      },
    };
  }

  /** A comment that becomes visible tells whom it replies to and mentions; a moderator's decision tells its author. */
  private async notify(
    tx: Prisma.TransactionClient,
    row: LockedRow,
    decision: Decision,
    from: CommentStatus,
    now: Date,
  ): Promise<NotificationWrites> {
    const published = decision.to === 'PUBLISHED' && from !== 'PUBLISHED';
    const written: NotificationWrites[] = [];
    if (published) {
      written.push(
        await notifyPublished(tx, {
          commentId: row.id,
          authorId: row.authorId,
          authorName: row.authorName ?? 'Someone',
          parentAuthorId: row.parentAuthorId,
          bodySource: row.bodySource,
          articleId: row.articleId,
          now,
        }),
      );
    }
    const toldByModerator = decision.notifyAuthor && decision.actorId !== null && decision.actorId !== row.authorId;
    if (toldByModerator && row.authorId && from !== decision.to && (published || decision.to === 'REJECTED')) {
      written.push(
        await notifyModerationOutcome(tx, {
          recipientId: row.authorId,
          commentId: row.id,
          articleId: row.articleId,
          outcome: published ? 'APPROVED' : 'REJECTED',
          reason: decision.statusReason,
          now,
        }),
      );
    }
    return { notified: written.flatMap((w) => w.notified), mail: written.flatMap((w) => w.mail) };
  }
}

function toChange(applied: Applied): ModerationChange {
  const { entered, left } = queueChanges(applied.before, applied.after);
  return {
    commentId: applied.commentId,
    articleId: applied.articleId,
    status: applied.after.status,
    previousStatus: applied.before.status,
    entered,
    left,
    action: applied.action,
    actorId: applied.actorId,
  };
}

/** A decision's writes (DECISION_WRITES_SQL) on a comment this transaction has locked. */
const WRITE_DECISION_SQL = `WITH ${DECISION_WRITES_SQL} SELECT count(*)::int AS applied FROM decided`;

async function writeDecision(
  tx: Prisma.TransactionClient,
  row: LockedRow,
  decision: Decision,
  after: QueueState,
  now: Date,
): Promise<void> {
  const values = decisionWriteValues({
    commentId: row.id,
    from: row.status,
    to: after.status,
    statusReason: after.statusReason,
    openFlagCount: after.openFlagCount,
    reviewedAt: after.reviewedAt,
    scores: decision.scores === undefined ? null : JSON.stringify(decision.scores),
    now,
    threadId: row.threadId,
    authorId: row.authorId,
    deltas: counterDeltas(row.status, after.status),
    resolveFlags: decision.resolveFlags && row.openFlagCount > 0,
    articleId: row.articleId,
    actorId: decision.actorId,
    action: decision.action,
    auditReason: decision.note ? `${decision.statusReason}: ${decision.note}` : decision.statusReason,
  });
  const [written] = await tx.$queryRawUnsafe<{ applied: number }[]>(WRITE_DECISION_SQL, ...values);
  // The row is locked in the status it was read in: the UPDATE cannot miss it.
  if (written?.applied !== 1) throw new Error(`decision on comment ${row.id} wrote nothing`);
}
