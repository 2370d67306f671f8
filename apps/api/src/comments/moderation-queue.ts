import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import { OutboxService, type OutboxEntry } from '../infra/outbox/outbox.service.js';

/**
 * Sends a comment (new or edited, now PENDING) through the moderation pipeline: the job
 * is recorded in the same transaction as the change, and handed to the queue after commit.
 */
@Injectable()
export class CommentModerationQueue {
  constructor(private readonly outbox: OutboxService) {}

  record(tx: Prisma.TransactionClient, commentId: string): Promise<string> {
    return this.outbox.record(tx, 'moderate-comment', { commentId });
  }

  /** The outbox row for a comment written by one SQL statement (see CommentService). */
  entry(commentId: string, now: Date): { entry: OutboxEntry; values: unknown[] } {
    return this.outbox.entry('moderate-comment', { commentId }, now);
  }

  dispatch(outboxIds: string[]): Promise<void> {
    return this.outbox.dispatch(outboxIds);
  }

  handOver(entries: OutboxEntry[]): Promise<void> {
    return this.outbox.handOver(entries);
  }
}
