import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import { OutboxService } from '../infra/outbox/outbox.service.js';

/**
 * Producer side of re-anchoring, for whoever stores a new revision of an article.
 *
 *   const outboxId = await prisma.$transaction(async (tx) => {
 *     const revision = await tx.articleRevision.create(...);
 *     return reanchor.enqueue(tx, articleId, revision.id);
 *   });
 *   await reanchor.dispatch([outboxId]);
 */
@Injectable()
export class ReanchorService {
  constructor(private readonly outbox: OutboxService) {}

  /**
   * Records the job in the caller's transaction; one job per (article, revision): asking
   * again returns the existing outbox row, whose id is the BullMQ jobId.
   */
  async enqueue(tx: Prisma.TransactionClient, articleId: string, revisionId: string): Promise<string> {
    return this.outbox.recordOnce(
      tx,
      'reanchor-article',
      { articleId, revisionId },
      `reanchor-article:${articleId}:${revisionId}`,
    );
  }

  /** After commit: hands the jobs to the queue now; the outbox relay retries if Redis is down. */
  dispatch(outboxIds: string[]): Promise<void> {
    return this.outbox.dispatch(outboxIds);
  }
}
